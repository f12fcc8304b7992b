package dev.reelscribe.fuser.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.fuser.Generation;
import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.models.chat.ChatAnswer;
import dev.reelscribe.models.chat.ChatClient;
import dev.reelscribe.models.chat.ChatException;
import dev.reelscribe.schemas.ModelRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A text LLM behind an OpenAI-compatible chat-completions endpoint, asked with a system and a user
 * message at temperature 0. A batch's prompts go out concurrently, bounded by the client's
 * concurrency; the answers come back in order. An empty or cut-off answer comes back as text for
 * the output checks to flag; transport and protocol failures become {@link Generation.Failed}.
 */
final class ChatTextModel implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChatClient client;
  private final int maxTokens;
  private final ExecutorService pool;

  ChatTextModel(ChatClient client, int maxTokens, String threadName) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("max tokens must be positive, got " + maxTokens);
    }
    this.client = client;
    this.maxTokens = maxTokens;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(client.config().concurrency(), r -> {
      Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  ChatClient client() {
    return client;
  }

  ModelRef model() {
    return ModelRef.newBuilder().setBackend("remote").setModelId(client.config().model())
        .setVersion(client.config().completionsUri().getHost()).build();
  }

  List<Generation> generate(List<PromptTemplate.Rendered> prompts) {
    List<Future<Generation>> futures = new ArrayList<>();
    for (PromptTemplate.Rendered prompt : prompts) {
      futures.add(pool.submit(() -> one(prompt)));
    }
    List<Generation> out = new ArrayList<>();
    for (Future<Generation> f : futures) {
      try {
        out.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(x -> x.cancel(true));
        throw new IllegalStateException("interrupted while waiting for the LLM", e);
      } catch (ExecutionException e) {
        out.add(Generation.failed(e.getCause(), 1));
      }
    }
    return out;
  }

  private Generation one(PromptTemplate.Rendered prompt) throws InterruptedException {
    try {
      ChatAnswer answer = client.send(request(prompt));
      return new Generation.Text(answer.text(), !answer.truncated());
    } catch (ChatException e) {
      return new Generation.Failed(e.kind(), e.getMessage(), e.attempts());
    }
  }

  ObjectNode request(PromptTemplate.Rendered prompt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("temperature", 0);
    body.put("max_tokens", maxTokens);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", prompt.system());
    messages.addObject().put("role", "user").put("content", prompt.user());
    return body;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
