package dev.microblog.localstack.fullbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One build in its own process, timed from start to exit, with its peak resident memory: from GNU
 * time's report when /usr/bin/time is there, else by watching VmHWM in /proc while it runs.
 */
record ChildRun(long millis, long peakRssKb, long htmlFiles, String log) {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");
  private static final Pattern MAX_RSS =
      Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
  private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

  static ChildRun run(List<String> command, Map<String, String> env, Path output, Path logFile)
      throws IOException, InterruptedException {
    boolean timed = Files.isExecutable(GNU_TIME);
    List<String> full = new ArrayList<>();
    if (timed) {
      full.addAll(List.of(GNU_TIME.toString(), "-v"));
    }
    full.addAll(command);
    // Each run starts with nothing left to write back from the one before it, ours or Hugo's:
    // otherwise a run pays, in the kernel, for the files of the run that came before.
    new ProcessBuilder("sync").inheritIO().start().waitFor();
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.redirectOutput(logFile.toFile());
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    long hwm = 0;
    while (!process.waitFor(timed ? 1000 : 5, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (!timed) {
        hwm = Math.max(hwm, vmHwm(process.pid()));
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    String log = Files.readString(logFile);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "exit " + process.exitValue() + " from " + String.join(" ", command) + ":\n" + log);
    }
    if (timed) {
      Matcher m = MAX_RSS.matcher(log);
      hwm = m.find() ? Long.parseLong(m.group(1)) : 0;
    }
    return new ChildRun(millis, hwm, htmlFiles(output), log);
  }

  private static long vmHwm(long pid) {
    try {
      Matcher m = VM_HWM.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (IOException gone) {
      return 0;
    }
  }

  /** HTML pages written; redirect stubs (Hugo's aliases for page 1 of a list) do not count. */
  static long htmlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".html"))
          .filter(f -> !isRedirect(f))
          .count();
    }
  }

  private static boolean isRedirect(Path file) {
    try {
      return Files.size(file) < 1024 && Files.readString(file).contains("http-equiv=\"refresh\"");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
