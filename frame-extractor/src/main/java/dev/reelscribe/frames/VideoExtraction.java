package dev.reelscribe.frames;

import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.VideoSource;
import java.util.List;

/** A probed video and its scored, tagged single-shot clips. */
public record VideoExtraction(VideoSource source, List<Clip> clips) {}
