package org.gazette.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Password hashing with argon2id (19 MiB, 2 passes, 1 lane: the OWASP baseline). */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked against when the account does not exist, so a wrong name takes as long as a wrong password. */
    private static final String DECOY = hash("not-a-real-password-at-all");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        String stored = hash == null ? DECOY : hash;
        boolean ok = Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
        return ok && hash != null;
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "password.tooShort";
        }
        if (password.length() > MAX_LENGTH) {
            return "password.tooLong";
        }
        return null;
    }
}
