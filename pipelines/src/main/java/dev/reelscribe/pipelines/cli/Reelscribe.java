package dev.reelscribe.pipelines.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code reelscribe} command line: one root command, one subcommand per job.
 *
 * <pre>
 * reelscribe synth --count 100 --seed 7 --output out/synth
 * reelscribe extract --input videos/ --output out/
 * reelscribe extract --input gs://bucket/raw/ --output gs://bucket/clips/ --runner=FlinkRunner --flinkMaster=[local]
 * </pre>
 */
@Command(
    name = "reelscribe",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Turns raw video into text-to-video training corpora, after the CogVideoX data pipeline.",
        "Runs on Apache Beam: the DirectRunner by default, Flink with --runner=FlinkRunner."},
    subcommands = {SynthCommand.class, ExtractCommand.class, CaptionCommand.class, UpsampleCommand.class, GenerateCommand.class, TrainCommand.class, EvalCommand.class, BenchCommand.class, FlinkCommand.class, CommandLine.HelpCommand.class})
public final class Reelscribe implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Columns of {@code --help}. The command descriptions are written in lines of up to about 100
   * characters; at picocli's default 80 each of them broke in two.
   */
  static final int HELP_WIDTH = 120;

  /** A command line that writes to the given streams, for tests. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Reelscribe());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpWidth(HELP_WIDTH);
    return cl;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(commandLine(out, err).execute(args));
  }
}
