-- A verification code is 8 letters: wrong tries are counted, and the code stops working after
-- VerificationCode.WRONG_TRIES_ALLOWED of them, so it cannot be guessed by asking long enough.
ALTER TABLE email_verification_codes ADD COLUMN wrong_tries integer NOT NULL DEFAULT 0;
