package dev.petrel.bench;

/** Spells numbers in English words, as speedtest1 does, to give the TEXT columns realistic, varied content. */
final class Words {
    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"};

    private Words() {
    }

    static String of(long n) {
        StringBuilder sb = new StringBuilder();
        append(sb, n);
        return sb.toString();
    }

    private static void append(StringBuilder sb, long n) {
        if (n >= 1_000_000) {
            append(sb, n / 1_000_000);
            sb.append(" million");
            n %= 1_000_000;
            if (n == 0) {
                return;
            }
            sb.append(' ');
        }
        if (n >= 1000) {
            append(sb, n / 1000);
            sb.append(" thousand");
            n %= 1000;
            if (n == 0) {
                return;
            }
            sb.append(' ');
        }
        if (n >= 100) {
            sb.append(ONES[(int) (n / 100)]).append(" hundred");
            n %= 100;
            if (n == 0) {
                return;
            }
            sb.append(' ');
        }
        if (n >= 20) {
            sb.append(TENS[(int) (n / 10)]);
            n %= 10;
            if (n == 0) {
                return;
            }
            sb.append(' ');
        }
        sb.append(ONES[(int) n]);
    }
}
