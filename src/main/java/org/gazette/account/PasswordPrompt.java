package org.gazette.account;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a new password for the command line: hidden and typed twice on a terminal, else one line of input. */
public final class PasswordPrompt {

    private PasswordPrompt() {
    }

    /** The password, or null when none was given or the two typed on a terminal differ. */
    public static String read(Console console, InputStream in) throws IOException {
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Password again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                console.printf("The two passwords differ.%n");
                return null;
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line;
    }
}
