package dev.reelscribe.captioner.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.models.chat.ChatClient;
import dev.reelscribe.models.chat.ChatException;
import dev.reelscribe.schemas.ModelRef;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Frame captions from a remote image VLM behind an OpenAI-compatible chat-completions endpoint
 * (CogVLM2, Qwen2-VL, GLM-4V, LLaVA on vLLM, SGLang, LMDeploy, Ollama or llama.cpp's server). Each
 * frame is one request: the prompt and the frame as a base64 JPEG data URL. A batch's frames go out
 * concurrently, bounded by the client's concurrency.
 */
public final class RemoteFrameCaptioner implements FrameCaptioner {
  public static final String DEFAULT_PROMPT = "Describe this video frame in one or two sentences: every visible "
      + "object with its size, colour, shape and position in the frame, the background, and any on-screen text. "
      + "State only what is visible.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChatClient client;
  private final String prompt;
  private final int maxTokens;
  private final ExecutorService pool;

  public RemoteFrameCaptioner(ChatClient client, String prompt, int maxTokens) {
    this.client = client;
    this.prompt = prompt == null ? DEFAULT_PROMPT : prompt;
    this.maxTokens = maxTokens;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(client.config().concurrency(), r -> {
      Thread t = new Thread(r, "vlm-request-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The served model's name, and as its version the prompt's: a rerun with another prompt re-captions
   * (which host serves the model does not change a caption, so it is not part of it).
   */
  @Override
  public ModelRef model() {
    return ModelRef.newBuilder().setBackend("remote").setModelId(client.config().model())
        .setVersion("prompt-" + promptHash(prompt) + "-max" + maxTokens).build();
  }

  static String promptHash(String prompt) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(prompt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public ChatClient client() {
    return client;
  }

  @Override
  public Session open() {
    return this::caption;
  }

  @Override
  public List<CaptionResult> caption(List<FrameImage> frames) {
    List<Future<CaptionResult>> futures = new ArrayList<>();
    for (FrameImage frame : frames) {
      futures.add(pool.submit(() -> one(frame)));
    }
    List<CaptionResult> out = new ArrayList<>();
    for (Future<CaptionResult> f : futures) {
      try {
        out.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(x -> x.cancel(true));
        throw new IllegalStateException("interrupted while captioning", e);
      } catch (ExecutionException e) {
        out.add(CaptionResult.failed(e.getCause(), 1));
      }
    }
    return out;
  }

  private CaptionResult one(FrameImage frame) throws InterruptedException {
    try {
      return new CaptionResult.Ok(client.complete(request(frame)));
    } catch (ChatException e) {
      return new CaptionResult.Failed(e.kind(), e.getMessage(), e.attempts());
    }
  }

  ObjectNode request(FrameImage frame) {
    ObjectNode body = JSON.createObjectNode();
    body.put("temperature", 0);
    body.put("max_tokens", maxTokens);
    ArrayNode messages = body.putArray("messages");
    ObjectNode user = messages.addObject();
    user.put("role", "user");
    ArrayNode content = user.putArray("content");
    content.addObject().put("type", "text").put("text", prompt);
    content.addObject().put("type", "image_url").putObject("image_url")
        .put("url", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(frame.jpeg()));
    return body;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
