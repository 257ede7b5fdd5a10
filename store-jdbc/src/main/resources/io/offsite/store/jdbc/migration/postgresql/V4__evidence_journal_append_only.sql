-- evidence (PostgreSQL only): the chain journal is append-only. UPDATE, DELETE and TRUNCATE are refused by
-- triggers, so an application bug or a role with ordinary write rights cannot rewrite history. The table's
-- owner or a superuser can still disable the triggers: give the application role only SELECT and INSERT on
-- evidence_journal; the hash links (checked on every read) and the signed tree heads catch the rest.
CREATE FUNCTION evidence_journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        RAISE EXCEPTION 'evidence_journal is append-only: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RAISE EXCEPTION 'evidence_journal is append-only: % of case %, seq % refused', TG_OP, OLD.case_id, OLD.seq
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER evidence_journal_append_only
    BEFORE UPDATE OR DELETE ON evidence_journal
    FOR EACH ROW EXECUTE FUNCTION evidence_journal_refuse_change();

CREATE TRIGGER evidence_journal_no_truncate
    BEFORE TRUNCATE ON evidence_journal
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_journal_refuse_change();
