package dev.petrel.bench.browser;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ratio plot of the browser run as a self-contained SVG: per test a group of bars, one per comparison, on a
 * logarithmic axis that starts at the 1.0 line (a bar going up means Petrel is slower, down means faster), with the
 * geometric means as the last group.
 */
final class RatioChart {
    private static final String[] COLORS = {"#3b6fb6", "#e07b39", "#5aa469"};
    private static final int LEFT = 60;
    private static final int TOP = 40;
    private static final int PLOT_HEIGHT = 360;
    private static final int GROUP_WIDTH = 54;
    private static final int LABEL_SPACE = 150;

    private RatioChart() {
    }

    static String svg(List<String> tests, Map<String, Map<String, Double>> ratios, Map<String, String> titles) {
        List<String> series = List.copyOf(ratios.keySet());
        List<String> groups = new java.util.ArrayList<>(tests);
        groups.add("geometric mean");
        double max = 1;
        double min = 1;
        for (Map<String, Double> r : ratios.values()) {
            for (double v : r.values()) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        // Whole powers of two around the data, at least 0.5 .. 4.
        int hiExp = Math.max(2, (int) Math.ceil(log2(max)));
        int loExp = Math.min(-1, (int) Math.floor(log2(min)));
        double pxPerExp = (double) PLOT_HEIGHT / (hiExp - loExp);
        int width = LEFT + groups.size() * GROUP_WIDTH + 20;
        int height = TOP + PLOT_HEIGHT + LABEL_SPACE;
        java.util.function.DoubleUnaryOperator y = v -> TOP + (hiExp - log2(v)) * pxPerExp;

        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">"
                + "Browser: time ratio per test (log scale; above 1.0 = Petrel slower)</text>%n", LEFT));
        for (int e = loExp; e <= hiExp; e++) {
            double v = Math.pow(2, e);
            double yy = y.applyAsDouble(v);
            boolean one = e == 0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"%s\"/>%n", LEFT, width - 20, yy, yy, one ? "black" : "#dddddd", one ? "1.5" : "1"));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, yy + 4, v >= 1 ? String.valueOf((int) v) : String.valueOf(v)));
        }
        double barWidth = (GROUP_WIDTH - 10.0) / Math.max(1, series.size());
        double oneY = y.applyAsDouble(1);
        for (int g = 0; g < groups.size(); g++) {
            double x0 = LEFT + g * GROUP_WIDTH + 5;
            for (int k = 0; k < series.size(); k++) {
                Map<String, Double> r = ratios.get(series.get(k));
                double v = g < tests.size() ? r.get(tests.get(g)) : BrowserResults.geomean(r.values());
                if (!(v > 0) || !Double.isFinite(v)) {
                    continue;
                }
                double yy = y.applyAsDouble(v);
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s %s: %.2f</title></rect>%n", x0 + k * barWidth, Math.min(yy, oneY),
                        barWidth - 1, Math.abs(yy - oneY), COLORS[k % COLORS.length], groups.get(g),
                        titles.get(series.get(k)), v));
            }
            double lx = x0 + GROUP_WIDTH / 2.0;
            double ly = TOP + PLOT_HEIGHT + 8;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
                    + "transform=\"rotate(-50 %.1f %.1f)\"%s>%s</text>%n", lx, ly, lx, ly,
                    g == tests.size() ? " font-weight=\"bold\"" : "", groups.get(g)));
        }
        for (int k = 0; k < series.size(); k++) {
            int lx = LEFT + 10 + k * 190;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", lx, height - 18, COLORS[k % COLORS.length], lx + 16,
                    height - 8, titles.get(series.get(k))));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
