1a0156b0 00000038 {"caseId":"case-f","t":"case","violationCode":"PARKING"}
69686048 000000c4 {"entry":{"a