-- An approval's side effects happen inside the approving UPDATE itself, so
-- the writer's lock is held for one statement, not four: its sends are
-- marked verified (for the pumping breaker), the number's wrong codes are
-- cleared, and the operator page's `approved` counter of the hour (the
-- approval's `updated_at`, in milliseconds) and country is counted.
-- PostgreSQL does the same with CTEs in the one statement of the check.
CREATE TRIGGER verification_approved AFTER UPDATE OF status ON verifications
WHEN NEW.status = 'approved' AND OLD.status = 'pending'
BEGIN
    UPDATE sms_sends SET verified = 1 WHERE verification_id = NEW.id;
    DELETE FROM guesses WHERE phone = NEW.phone;
    INSERT INTO stats_hourly (hour, country, kind, count)
    VALUES (NEW.updated_at - NEW.updated_at % 3600000, NEW.country, 'approved', 1)
    ON CONFLICT (hour, country, kind) DO UPDATE SET count = count + 1;
END;
