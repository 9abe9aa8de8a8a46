package dev.petrel.func.scalar;

import dev.petrel.api.PetrelException;
import dev.petrel.value.Values;

/**
 * {@code unistr(X)} and {@code unistr_quote(X)} (lang_corefunc.html): text with backslash escapes of code points,
 * and the SQL literal that reads back as a value, using {@code unistr('...')} when the text has control
 * characters.
 *
 * <p>Escapes {@code unistr} reads: {@code \\} (a backslash), {@code \XXXX} and {@code \}{@code uXXXX} (4 hex
 * digits), {@code \+XXXXXX} (6) and {@code \UXXXXXXXX} (8). A surrogate code point becomes U+FFFD; any other
 * backslash is the error {@code invalid Unicode escape}.
 */
final class UnicodeEscapes {
    private UnicodeEscapes() {
    }

    /** unistr(X): NULL for NULL, else the text of X with its escapes replaced. */
    static Object unistr(Object x) {
        if (x == null) {
            return null;
        }
        String s = Values.toText(x);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch != '\\') {
                out.append(ch);
                i++;
                continue;
            }
            char kind = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            int start;
            int digits;
            if (kind == '\\') {
                out.append('\\');
                i += 2;
                continue;
            } else if (kind == 'u') {
                start = i + 2;
                digits = 4;
            } else if (kind == '+') {
                start = i + 2;
                digits = 6;
            } else if (kind == 'U') {
                start = i + 2;
                digits = 8;
            } else {
                start = i + 1;
                digits = 4;
            }
            long cp = 0;
            for (int k = 0; k < digits; k++) {
                int d = start + k < s.length() ? Character.digit(s.charAt(start + k), 16) : -1;
                if (d < 0) {
                    throw PetrelException.error("invalid Unicode escape");
                }
                cp = cp * 16 + d;
            }
            boolean valid = cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF);
            out.appendCodePoint(valid ? (int) cp : 0xFFFD);
            i = start + digits;
        }
        return out.toString();
    }

    /**
     * unistr_quote(X): as quote(X), except that text (up to its first NUL) with a character below U+0020 is written
     * {@code unistr('...')}, those characters as {@code \}{@code u00XX} and backslashes doubled.
     */
    static Object unistrQuote(Object x) {
        if (!(x instanceof String)) {
            return TextFunctions.quote(x);
        }
        String s = (String) x;
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            s = s.substring(0, nul);
        }
        boolean control = false;
        for (int i = 0; i < s.length() && !control; i++) {
            control = s.charAt(i) < 0x20;
        }
        if (!control) {
            return TextFunctions.quote(s);
        }
        StringBuilder out = new StringBuilder("unistr('");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                out.append("''");
            } else if (ch == '\\') {
                out.append("\\\\");
            } else if (ch < 0x20) {
                out.append("\\u00").append(Character.forDigit(ch >> 4, 16)).append(Character.forDigit(ch & 15, 16));
            } else {
                out.append(ch);
            }
        }
        return out.append("')").toString();
    }
}
