-- objects (PostgreSQL only): enterprise files are append-only, like the evidence journal (V4). UPDATE, DELETE and
-- TRUNCATE of enterprise_files and enterprise_records are refused by triggers; give the application role only
-- SELECT and INSERT on both tables, since the owner can still disable the triggers.
CREATE FUNCTION enterprise_files_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER enterprise_files_append_only
    BEFORE UPDATE OR DELETE ON enterprise_files
    FOR EACH ROW EXECUTE FUNCTION enterprise_files_refuse_change();

CREATE TRIGGER enterprise_files_no_truncate
    BEFORE TRUNCATE ON enterprise_files
    FOR EACH STATEMENT EXECUTE FUNCTION enterprise_files_refuse_change();

CREATE TRIGGER enterprise_records_append_only
    BEFORE UPDATE OR DELETE ON enterprise_records
    FOR EACH ROW EXECUTE FUNCTION enterprise_files_refuse_change();

CREATE TRIGGER enterprise_records_no_truncate
    BEFORE TRUNCATE ON enterprise_records
    FOR EACH STATEMENT EXECUTE FUNCTION enterprise_files_refuse_change();
