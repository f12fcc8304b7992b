package dev.reelscribe.fuser.builtin;

import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.TimedCaption;
import java.util.Arrays;

/**
 * Turns a clip's timestamped frame captions into the built-in fuser's input ids: with {@link
 * FuserConfig#objectTracks}, first each object's track through the frames; then for each frame in
 * time order, a frame marker, its time bucket, then the caption's words; padded with PAD to the
 * configured length. Words the vocabulary does not know (a real VLM's words) become UNK. A short
 * prompt to upsample is the prompt marker followed by its words.
 */
public final class FuserTokens {
  private final FuserConfig config;
  private final Vocabulary vocabulary;

  public FuserTokens(FuserConfig config) {
    this.config = config;
    this.vocabulary = new Vocabulary(config.vocabulary());
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Input ids {@code [maxInputTokens]}; captions past the limit are cut. */
  public long[] input(FusionInput clip) {
    long[] ids = new long[config.maxInputTokens()];
    int n = config.objectTracks() ? tracks(clip, ids) : 0;
    for (TimedCaption c : clip.frames()) {
      if (n + 2 > ids.length) {
        break;
      }
      ids[n++] = config.frameMarker();
      ids[n++] = config.timeToken((int) Math.floor(FuserConfig.TIME_BUCKETS * c.seconds() / clip.durationSeconds()));
      for (int id : vocabulary.encode(c.text())) {
        if (n == ids.length) {
          break;
        }
        ids[n++] = id;
      }
    }
    Arrays.fill(ids, n, ids.length, Vocabulary.PAD);
    return ids;
  }

  /**
   * Writes the clip's object tracks at the start of {@code ids}: per track the track marker, the
   * colour's word and one token per frame. Returns how many ids it wrote; a track that does not fit
   * whole is left out, with all after it.
   */
  private int tracks(FusionInput clip, long[] ids) {
    int n = 0;
    for (ObjectTracks.Track track : ObjectTracks.of(clip.frames())) {
      int[] colour = vocabulary.encode(track.colour().word());
      if (n + 1 + colour.length + track.frames().size() > ids.length) {
        break;
      }
      ids[n++] = config.trackMarker();
      for (int id : colour) {
        ids[n++] = id;
      }
      for (ObjectTracks.Sighting s : track.frames()) {
        ids[n++] = s == null ? config.absentToken() : config.sightingToken(s.size().ordinal(), s.cell().ordinal());
      }
    }
    return n;
  }

  /** Input ids {@code [maxInputTokens]} of a short prompt to upsample: the prompt marker, then its words. */
  public long[] prompt(String shortPrompt) {
    long[] ids = new long[config.maxInputTokens()];
    ids[0] = config.promptMarker();
    int n = 1;
    for (int id : vocabulary.encode(shortPrompt)) {
      if (n == ids.length) {
        break;
      }
      ids[n++] = id;
    }
    Arrays.fill(ids, n, ids.length, Vocabulary.PAD);
    return ids;
  }

  /** The description's ids followed by EOS, or null when it does not fit {@code maxOutputTokens}. */
  public int[] target(String description) {
    int[] words = vocabulary.encode(description);
    if (words.length + 1 > config.maxOutputTokens()) {
      return null;
    }
    int[] out = Arrays.copyOf(words, words.length + 1);
    out[words.length] = Vocabulary.EOS;
    return out;
  }
}
