package com.medicarewizard.performance.load;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a scenario's charts as small PNGs (headless): latency, throughput and, where polled, queue
 * depth against the seconds since the scenario's start.
 */
final class Charts {
    static final int WIDTH = 800;
    static final int HEIGHT = 300;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** Writes the charts into {@code dir} and returns their file names, in the report's order. */
    static List<String> draw(Scenario scenario, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (scenario.samples().isEmpty()) {
            return names;
        }
        names.add(save(latency(scenario), dir, scenario.name() + "-latency.png"));
        names.add(save(throughput(scenario), dir, scenario.name() + "-throughput.png"));
        if (!scenario.queue().isEmpty()) {
            names.add(save(queue(scenario), dir, scenario.name() + "-queue.png"));
        }
        return names;
    }

    private static JFreeChart latency(Scenario s) {
        long start = s.window().startMillis();
        List<Sample> samples = s.samples();
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("p50 of the steps", PerSecond.percentile(samples, start, Charts::isStep, 50)));
        data.addSeries(series("p99 of the steps", PerSecond.percentile(samples, start, Charts::isStep, 99)));
        Map<Integer, Long> logIn = PerSecond.percentile(samples, start, x -> x.label().equals(Labels.LOG_IN), 99);
        if (!logIn.isEmpty()) {
            data.addSeries(series("p99 of log in", logIn));
        }
        Map<Integer, Long> booking = PerSecond.percentile(samples, start, x -> Labels.isBookingEndToEnd(x.label()), 99);
        if (!booking.isEmpty()) {
            data.addSeries(series("p99 of a booking, end to end", booking));
        }
        return chart(s.title() + ": latency", "ms", data);
    }

    private static boolean isStep(Sample s) {
        return Labels.isTargetStep(s.label());
    }

    private static JFreeChart throughput(Scenario s) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("samples/s", PerSecond.count(s.samples(), s.window(), x -> true)));
        data.addSeries(series("errors/s", PerSecond.count(s.samples(), s.window(), x -> !x.success())));
        return chart(s.title() + ": throughput", "per second", data);
    }

    private static final long QUEUE_LEAD_MILLIS = 5_000;

    private static JFreeChart queue(Scenario s) {
        long start = s.window().startMillis();
        XYSeries depth = new XYSeries("queue depth");
        XYSeries inFlight = new XYSeries("in flight");
        for (QueueRow row : s.queue()) {
            if (row.epochMillis() < start - QUEUE_LEAD_MILLIS) {
                continue; // polled during the plan's set-up (the spike's log-ins): nothing queued yet
            }
            double second = (row.epochMillis() - start) / 1000.0;
            depth.add(second, row.queueDepth());
            inFlight.add(second, row.inFlight());
        }
        XYSeriesCollection data = new XYSeriesCollection(depth);
        data.addSeries(inFlight);
        return chart(s.title() + ": reservation queue", "requests", data);
    }

    private static XYSeries series(String name, Map<Integer, Long> values) {
        XYSeries series = new XYSeries(name);
        values.forEach(series::add);
        return series;
    }

    private static XYSeries series(String name, long[] values) {
        XYSeries series = new XYSeries(name);
        for (int i = 0; i < values.length; i++) {
            series.add(i, values[i]);
        }
        return series;
    }

    private static JFreeChart chart(String title, String yAxis, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds since the start", yAxis, data);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(14f));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    private static String save(JFreeChart chart, Path dir, String name) throws IOException {
        ChartUtils.saveChartAsPNG(dir.resolve(name).toFile(), chart, WIDTH, HEIGHT);
        return name;
    }
}
