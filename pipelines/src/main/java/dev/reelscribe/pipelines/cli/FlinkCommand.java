package dev.reelscribe.pipelines.cli;

import dev.reelscribe.pipelines.flink.LocalFlinkCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelscribe flink start|stop|status}: a Flink session cluster on this machine. */
@Command(
    name = "flink",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Runs a Flink 1.19 session cluster on this machine: a JobManager and TaskManagers as separate",
        "JVMs on 127.0.0.1, built from the Flink jars reelscribe already has. Submit pipelines to it with",
        "  reelscribe caption ... --runner=FlinkRunner --flinkMaster=127.0.0.1:8081 --streaming=false",
        "Batch jobs restart on the remaining TaskManagers when one is lost."},
    subcommands = {FlinkCommand.Start.class, FlinkCommand.Stop.class, FlinkCommand.Status.class},
    footer = {"", "Examples:", "  reelscribe flink start --taskmanagers 2 --slots 2",
        "  reelscribe flink status", "  reelscribe flink stop"})
public final class FlinkCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path defaultDir() {
    return Path.of(System.getProperty("user.home"), ".cache", "reelscribe", "flink");
  }

  static String describe(LocalFlinkCluster.Status s) {
    return String.format("JobManager %s at http://%s; TaskManagers: %d running, %d registered; slots %d (%d free); "
            + "jobs running: %d",
        s.jobManagerAlive() ? "running" : "not running", s.master(), s.taskManagersAlive(), s.taskManagersRegistered(),
        s.slotsTotal(), s.slotsAvailable(), s.jobsRunning());
  }

  @Command(name = "start", mixinStandardHelpOptions = true, description = "Starts the cluster and waits until it is ready.")
  static final class Start implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Configuration, pids and logs. Default: ~/.cache/reelscribe/flink.")
    Path dir = defaultDir();

    @Option(names = "--taskmanagers", paramLabel = "N", description = "TaskManager JVMs. Default: ${DEFAULT-VALUE}.")
    int taskManagers = 2;

    @Option(names = "--slots", paramLabel = "N", description = "Task slots per TaskManager (also the default parallelism). Default: ${DEFAULT-VALUE}.")
    int slots = 2;

    @Option(names = "--port", paramLabel = "PORT", description = "REST port, the --flinkMaster. Default: ${DEFAULT-VALUE}.")
    int port = 8081;

    @Option(names = "--rpc-port", paramLabel = "PORT", description = "JobManager RPC port. Default: ${DEFAULT-VALUE}.")
    int rpcPort = 6123;

    @Option(names = "--taskmanager-memory", paramLabel = "SIZE", description = "Process memory of each TaskManager. Default: ${DEFAULT-VALUE}.")
    String memory = "4g";

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      LocalFlinkCluster cluster = new LocalFlinkCluster(dir);
      LocalFlinkCluster.Status s;
      try {
        s = cluster.start(new LocalFlinkCluster.Settings(dir, taskManagers, slots, port, rpcPort, memory), err);
      } catch (IllegalStateException | java.io.IOException e) {
        err.println("reelscribe flink start: " + e.getMessage());
        return 1;
      }
      out.println(describe(s));
      String home = System.getProperty("reelscribe.home");
      out.println("submit with: --runner=FlinkRunner --flinkMaster=" + s.master() + " --streaming=false"
          + (home == null ? "" : " --filesToStage=" + Path.of(home, "pipelines", "target", "classes"))
          + "   (its TaskManagers have every jar already)");
      return 0;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops every process of the cluster.")
  static final class Stop implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "The directory the cluster was started with. Default: ~/.cache/reelscribe/flink.")
    Path dir = defaultDir();

    @Override
    public Integer call() throws Exception {
      int n = new LocalFlinkCluster(dir).stop(spec.commandLine().getErr());
      spec.commandLine().getOut().println(n == 0 ? "no cluster was running from " + dir : "stopped " + n + " processes");
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Shows whether the JobManager and TaskManagers run, their slots and running jobs; exit 3 when down.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "The directory the cluster was started with. Default: ~/.cache/reelscribe/flink.")
    Path dir = defaultDir();

    @Override
    public Integer call() {
      LocalFlinkCluster.Status s = new LocalFlinkCluster(dir).status();
      if (s.master() == null) {
        spec.commandLine().getOut().println("no cluster was started from " + dir);
        return 3;
      }
      spec.commandLine().getOut().println(describe(s));
      return s.up() ? 0 : 3;
    }
  }
}
