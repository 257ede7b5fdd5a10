1a0156b0 00000038 {"caseId":"case-f","t":"case","violationCode":"PARKING"}
69686048 000000c4 {"entry":{"action":"VIEWED","actor":"officer-7","at":"2026-03-02T02:00:01Z","item":"item-0001","itemSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","seq":0},"t":"entry"}
