package dev.reelscribe.pipelines.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A Flink 1.19 session cluster on this machine: one JobManager and N TaskManagers, each its own JVM,
 * bound to 127.0.0.1, started from the jars on this JVM's class path (Maven Central's Flink modules,
 * which Beam's Flink runner brings; there is no flink-dist). What {@code bin/start-cluster.sh} does,
 * without the distribution:
 *
 * <ol>
 *   <li>write {@code DIR/conf/flink-conf.yaml};
 *   <li>compute each process's memory flags from it, as {@code BashJavaUtils} does for the scripts;
 *   <li>start {@code StandaloneSessionClusterEntrypoint}, wait for its REST endpoint, start the
 *       {@code TaskManagerRunner}s, wait until they have registered.
 * </ol>
 *
 * Processes outlive the command that started them; their pids are in {@code DIR/pids/}, their logs in
 * {@code DIR/log/}. Jobs are submitted with {@code --runner=FlinkRunner
 * --flinkMaster=127.0.0.1:PORT --streaming=false}. Batch jobs restart after a TaskManager is lost
 * (fixed-delay restarts); the TaskManagers' slots must cover the job's parallelism without the lost one.
 */
public final class LocalFlinkCluster {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Flink's JVM flags for Java 17 (as its distribution sets in {@code env.java.opts.all}). */
  static final List<String> JAVA17_FLAGS = List.of(
      "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.text=ALL-UNNAMED",
      "--add-opens=java.base/java.time=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  /**
   * What to start.
   *
   * @param dir where configuration, pids, logs and temporary files go
   * @param taskManagers how many TaskManager JVMs
   * @param slots task slots per TaskManager
   * @param restPort the REST endpoint (and {@code --flinkMaster}) port
   * @param rpcPort the JobManager's RPC port
   * @param taskManagerMemory each TaskManager's total process memory, e.g. {@code 3g}
   */
  public record Settings(Path dir, int taskManagers, int slots, int restPort, int rpcPort, String taskManagerMemory) {
    public Settings {
      if (taskManagers < 1 || slots < 1) {
        throw new IllegalArgumentException("a cluster needs at least one TaskManager with one slot");
      }
    }

    public static Settings defaults(Path dir) {
      return new Settings(dir, 2, 2, 8081, 6123, "4g");
    }

    public String master() {
      return "127.0.0.1:" + restPort;
    }
  }

  /** The cluster's state as its pid files and REST endpoint tell it. */
  public record Status(boolean jobManagerAlive, int taskManagersAlive, int taskManagersRegistered, int slotsTotal,
      int slotsAvailable, int jobsRunning, String master) {
    public boolean up() {
      return jobManagerAlive && taskManagersRegistered > 0;
    }
  }

  private final Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public LocalFlinkCluster(Path dir) {
    this.dir = dir;
  }

  /** Starts the cluster and waits until every TaskManager has registered. */
  public Status start(Settings s, PrintWriter log) throws IOException, InterruptedException {
    if (pid("jobmanager").isPresent()) {
      throw new IllegalStateException("a cluster is already running from " + dir + " (reelscribe flink stop first)");
    }
    Path conf = dir.resolve("conf");
    Files.createDirectories(conf);
    Files.createDirectories(dir.resolve("log"));
    Files.createDirectories(dir.resolve("pids"));
    Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(conf.resolve("flink-conf.yaml"), configuration(s));
    Files.writeString(dir.resolve("master"), s.master() + "\n");
    Configuration config = GlobalConfiguration.loadConfiguration(conf.toString());

    JobManagerProcessSpec jm = JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(
        config, JobManagerOptions.JVM_HEAP_MEMORY);
    launch("jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
        JobManagerProcessUtils.generateJvmParametersStr(jm, config), JobManagerProcessUtils.generateDynamicConfigsStr(jm),
        List.of("--configDir", conf.toString(), "--executionMode", "cluster"));
    log.println("reelscribe flink: JobManager started; waiting for http://" + s.master() + " ...");
    waitUntil(() -> rest(s.restPort(), "/overview").isPresent(), Duration.ofSeconds(90), "the JobManager's REST endpoint");

    TaskExecutorProcessSpec tm = TaskExecutorProcessUtils.processSpecFromConfig(config);
    for (int i = 1; i <= s.taskManagers(); i++) {
      launch("taskmanager-" + i, "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
          ProcessMemoryUtils.generateJvmParametersStr(tm), TaskExecutorProcessUtils.generateDynamicConfigsStr(tm),
          List.of("--configDir", conf.toString(), "-D", "taskmanager.resource-id=tm-" + i));
    }
    log.println("reelscribe flink: " + s.taskManagers() + " TaskManagers started; waiting for them to register ...");
    waitUntil(() -> {
      Status now = status();
      return now.taskManagersRegistered() >= s.taskManagers() && now.slotsTotal() >= s.taskManagers() * s.slots();
    }, Duration.ofSeconds(90), s.taskManagers() + " TaskManagers to register their slots");
    return status();
  }

  /** Stops every process of the cluster (TERM, then KILL after 15 s); returns how many were running. */
  public int stop(PrintWriter log) throws IOException, InterruptedException {
    int stopped = 0;
    for (String name : processNames()) {
      Optional<ProcessHandle> p = pid(name).flatMap(ProcessHandle::of);
      if (p.isPresent() && p.get().isAlive()) {
        p.get().destroy();
        try {
          p.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
          p.get().destroyForcibly();
        }
        log.println("reelscribe flink: stopped " + name + " (pid " + p.get().pid() + ")");
        stopped++;
      }
      Files.deleteIfExists(dir.resolve("pids").resolve(name + ".pid"));
    }
    return stopped;
  }

  /** Kills one TaskManager at once (SIGKILL), as a crashed machine would go: for fault-tolerance tests. */
  public boolean killTaskManager(int index) throws IOException {
    Optional<ProcessHandle> p = pid("taskmanager-" + index).flatMap(ProcessHandle::of);
    return p.isPresent() && p.get().destroyForcibly();
  }

  public Status status() {
    String master = master();
    boolean jm = alive("jobmanager");
    int tmsAlive = 0;
    for (String name : processNames()) {
      if (name.startsWith("taskmanager-") && alive(name)) {
        tmsAlive++;
      }
    }
    int port = master == null ? -1 : Integer.parseInt(master.substring(master.lastIndexOf(':') + 1));
    Optional<JsonNode> overview = port < 0 ? Optional.empty() : rest(port, "/overview");
    return new Status(jm, tmsAlive,
        overview.map(o -> o.path("taskmanagers").asInt()).orElse(0),
        overview.map(o -> o.path("slots-total").asInt()).orElse(0),
        overview.map(o -> o.path("slots-available").asInt()).orElse(0),
        overview.map(o -> o.path("jobs-running").asInt()).orElse(0),
        master);
  }

  /** The REST address a running cluster was started with, or null. */
  public String master() {
    try {
      Path f = dir.resolve("master");
      return Files.exists(f) ? Files.readString(f).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String configuration(Settings s) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("jobmanager.rpc.address", "127.0.0.1");
    c.put("jobmanager.rpc.port", Integer.toString(s.rpcPort()));
    c.put("jobmanager.bind-host", "127.0.0.1");
    c.put("taskmanager.bind-host", "127.0.0.1");
    c.put("taskmanager.host", "127.0.0.1");
    c.put("rest.address", "127.0.0.1");
    c.put("rest.bind-address", "127.0.0.1");
    c.put("rest.port", Integer.toString(s.restPort()));
    c.put("jobmanager.memory.process.size", "1g");
    c.put("taskmanager.memory.process.size", s.taskManagerMemory());
    // the models (DJL/PyTorch) and OpenCV allocate outside the JVM heap
    c.put("taskmanager.memory.task.off-heap.size", "512m");
    c.put("taskmanager.memory.managed.fraction", "0.15");
    // Beam's batch translation deploys every operator of a pipelined region at once: many buffers
    c.put("taskmanager.memory.network.min", "1g");
    c.put("taskmanager.memory.network.max", "1g");
    c.put("taskmanager.numberOfTaskSlots", Integer.toString(s.slots()));
    c.put("parallelism.default", Integer.toString(s.slots()));
    // a job's tasks spread over every TaskManager rather than filling the first
    c.put("cluster.evenly-spread-out-slots", "true");
    c.put("restart-strategy.type", "fixed-delay");
    // the attempts must outlast the heartbeat timeout: until a lost TaskManager is declared dead,
    // restarted tasks still try to read its partitions and fail again. Several tasks failing at once
    // can spend attempts faster than one per delay (10 attempts ran out before the timeout in
    // FlinkClusterTest), so allow 40: two minutes at most
    c.put("restart-strategy.fixed-delay.attempts", "40");
    c.put("restart-strategy.fixed-delay.delay", "3 s");
    // notice a lost TaskManager in seconds, not the default 50
    c.put("heartbeat.interval", "2000");
    c.put("heartbeat.timeout", "10000");
    // native libraries load once per JVM: their classes come from the cluster's class path, never a job's
    c.put("classloader.parent-first-patterns.additional", "org.opencv.;ai.djl.;dev.reelscribe.frames.OpenCv");
    StringBuilder out = new StringBuilder("# written by reelscribe flink start\n");
    c.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    return out.toString();
  }

  private void launch(String name, String mainClass, String memoryFlags, String dynamicConfigs, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(split(memoryFlags));
    command.addAll(JAVA17_FLAGS);
    command.add("-Djava.library.path=" + System.getProperty("java.library.path"));
    command.add("-Dai.djl.offline=true");
    command.add("-DOPT_OUT_TRACKING=true");
    command.add("-DNO_GCE_CHECK=true");
    for (String property : List.of("reelscribe.cache", "DJL_CACHE_DIR")) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    command.addAll(split(dynamicConfigs));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log").resolve(name + ".log").toFile()));
    builder.environment().put("NO_GCE_CHECK", "true");
    Process process = builder.start();
    Files.writeString(dir.resolve("pids").resolve(name + ".pid"), process.pid() + "\n");
  }

  private static List<String> split(String flags) {
    return Stream.of(flags.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
  }

  private List<String> processNames() {
    Path pids = dir.resolve("pids");
    if (!Files.isDirectory(pids)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pids)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pid"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private Optional<Long> pid(String name) {
    Path f = dir.resolve("pids").resolve(name + ".pid");
    try {
      return Files.exists(f) ? Optional.of(Long.parseLong(Files.readString(f).strip())) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private boolean alive(String name) {
    return pid(name).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
  }

  private Optional<JsonNode> rest(int port, String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private void waitUntil(java.util.function.BooleanSupplier condition, Duration limit, String what)
      throws InterruptedException, IOException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (!alive("jobmanager")) {
        throw new IOException("the JobManager exited; see " + dir.resolve("log/jobmanager.log"));
      }
      if (System.nanoTime() > end) {
        throw new IOException("waited " + limit.toSeconds() + " s for " + what + "; see the logs in " + dir.resolve("log"));
      }
      Thread.sleep(250);
    }
  }
}
