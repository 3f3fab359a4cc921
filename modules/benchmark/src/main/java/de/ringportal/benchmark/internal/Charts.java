package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import java.util.List;
import java.util.Locale;

/**
 * Server-side SVG charts: a horizontal bar chart of a ring, a time series of one municipality against the ring
 * median, and the small sparkline of the small-multiples overview. Each SVG has {@code role="img"}, a title and a
 * description; the pages put a table with the same numbers beside it. Colours are presentation attributes, so the
 * strict CSP (no inline styles) holds.
 */
public final class Charts {

    static final String BAR = "#4a6d8c";
    static final String OWN = "#b35900";
    static final String BEST = "#2e7d32";
    static final String MEDIAN = "#555555";

    private Charts() {
    }

    /** One bar: label, value, and whether it is the viewer's own municipality or the best. */
    public record Bar(String label, double value, boolean own, boolean best) {
    }

    /** One period of a time series: the municipality's value and the ring median, either may be missing. */
    public record Point(String label, Double own, Double median) {
    }

    /** A horizontal bar chart, one bar per municipality, with the median as a dashed line. */
    public static String bars(String id, String title, String description, List<Bar> bars, String unit,
            Double median) {
        int labelWidth = 230;
        int plotWidth = 330;
        int valueWidth = 90;
        int rowHeight = 22;
        int top = 10;
        int width = labelWidth + plotWidth + valueWidth;
        int height = top + Math.max(1, bars.size()) * rowHeight + 30;
        double low = 0;
        double high = 0;
        for (Bar bar : bars) {
            low = Math.min(low, bar.value());
            high = Math.max(high, bar.value());
        }
        if (high == low) {
            high = low + 1;
        }
        StringBuilder svg = open(id, title, description, width, height);
        double zero = x(0, low, high, labelWidth, plotWidth);
        int y = top;
        for (Bar bar : bars) {
            double x = x(bar.value(), low, high, labelWidth, plotWidth);
            String colour = bar.own() ? OWN : bar.best() ? BEST : BAR;
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(escape(shorten(bar.label(), 34)))
                    .append(bar.own() ? " (eigene)" : "").append("</text>\n");
            svg.append("<rect x=\"").append(num(Math.min(x, zero))).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(num(Math.max(1, Math.abs(x - zero)))).append("\" height=\"")
                    .append(rowHeight - 6).append("\" fill=\"").append(colour).append("\"/>\n");
            svg.append("<text x=\"").append(labelWidth + plotWidth + 6).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\">").append(escape(GermanNumbers.format(bar.value())))
                    .append(bar.best() ? " ★" : "").append("</text>\n");
            y += rowHeight;
        }
        svg.append("<line x1=\"").append(num(zero)).append("\" y1=\"").append(top).append("\" x2=\"")
                .append(num(zero)).append("\" y2=\"").append(y).append("\" stroke=\"#000000\"/>\n");
        if (median != null) {
            double m = x(median, low, high, labelWidth, plotWidth);
            svg.append("<line x1=\"").append(num(m)).append("\" y1=\"").append(top).append("\" x2=\"").append(num(m))
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(MEDIAN)
                    .append("\" stroke-dasharray=\"4 3\"/>\n");
            svg.append("<text x=\"").append(num(m)).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"12\">Median ")
                    .append(escape(GermanNumbers.format(median))).append(' ').append(escape(unit)).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** A line chart of the municipality's values and the ring median over the periods. */
    public static String series(String id, String title, String description, List<Point> points, String ownLabel,
            int width, int height, boolean legend) {
        int left = legend ? 60 : 4;
        int right = 10;
        int top = 10;
        int bottom = legend ? 50 : 4;
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (Point point : points) {
            for (Double value : new Double[] {point.own(), point.median()}) {
                if (value != null) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        if (low == Double.MAX_VALUE) {
            low = 0;
            high = 1;
        }
        if (high == low) {
            high = low + 1;
        }
        StringBuilder svg = open(id, title, description, width, height);
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        double step = points.size() > 1 ? (double) plotWidth / (points.size() - 1) : 0;
        if (legend) {
            svg.append("<line x1=\"").append(left).append("\" y1=\"").append(top + plotHeight).append("\" x2=\"")
                    .append(left + plotWidth).append("\" y2=\"").append(top + plotHeight)
                    .append("\" stroke=\"#000000\"/>\n");
            svg.append("<text x=\"").append(left - 4).append("\" y=\"").append(top + 10)
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(escape(GermanNumbers.format(high)))
                    .append("</text>\n");
            svg.append("<text x=\"").append(left - 4).append("\" y=\"").append(top + plotHeight)
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(escape(GermanNumbers.format(low)))
                    .append("</text>\n");
            for (int i = 0; i < points.size(); i++) {
                svg.append("<text x=\"").append(num(left + i * step)).append("\" y=\"").append(top + plotHeight + 14)
                        .append("\" text-anchor=\"middle\" font-size=\"11\">")
                        .append(escape(points.get(i).label())).append("</text>\n");
            }
        }
        line(svg, points, true, low, high, left, top, step, plotHeight, OWN, null);
        line(svg, points, false, low, high, left, top, step, plotHeight, MEDIAN, "4 3");
        if (legend) {
            int y = height - 12;
            svg.append("<line x1=\"").append(left).append("\" y1=\"").append(y - 4).append("\" x2=\"").append(left + 20)
                    .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(OWN)
                    .append("\" stroke-width=\"2\"/>\n");
            svg.append("<text x=\"").append(left + 24).append("\" y=\"").append(y).append("\" font-size=\"11\">")
                    .append(escape(shorten(ownLabel, 40))).append("</text>\n");
            svg.append("<line x1=\"").append(left + 250).append("\" y1=\"").append(y - 4).append("\" x2=\"")
                    .append(left + 270).append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(MEDIAN)
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n");
            svg.append("<text x=\"").append(left + 274).append("\" y=\"").append(y)
                    .append("\" font-size=\"11\">Median des Rings</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static void line(StringBuilder svg, List<Point> points, boolean own, double low, double high, int left,
            int top, double step, int plotHeight, String colour, String dash) {
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < points.size(); i++) {
            Double value = own ? points.get(i).own() : points.get(i).median();
            if (value == null) {
                pen = false;
                continue;
            }
            double x = left + i * step;
            double y = top + plotHeight - (value - low) / (high - low) * plotHeight;
            path.append(pen ? " L" : (path.length() == 0 ? "M" : " M")).append(num(x)).append(' ').append(num(y));
            pen = true;
            svg.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"2.5\" fill=\"")
                    .append(colour).append("\"/>\n");
        }
        if (path.length() > 0) {
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"").append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append("/>\n");
        }
    }

    private static StringBuilder open(String id, String title, String description, int width, int height) {
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-labelledby=\"").append(id).append("-titel ").append(id)
                .append("-beschreibung\">\n<title id=\"").append(id).append("-titel\">").append(escape(title))
                .append("</title>\n<desc id=\"").append(id).append("-beschreibung\">").append(escape(description))
                .append("</desc>\n");
        return svg;
    }

    private static double x(double value, double low, double high, int left, int width) {
        return left + (value - low) / (high - low) * width;
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** XML escaping of text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
