package dev.reelscribe.pipelines.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;

/**
 * An in-memory Google Cloud Storage on 127.0.0.1 that speaks the part of the GCS JSON API that
 * Beam's {@code gs://} filesystem (gcsio) and the {@code google-cloud-storage} client use: buckets,
 * object listing with prefix and delimiter, metadata, ranged media downloads, media / multipart /
 * resumable uploads, deletes, rewrites (copies), and the {@code /batch/storage/v1} endpoint that
 * carries deletes and rewrites as {@code multipart/mixed}. No emulator installs here, and no test may
 * reach the real service; point Beam at it with {@code --gcsEndpoint=}{@link #endpoint()} and the
 * no-op credential factory.
 */
public final class FakeGcsServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OBJECT = Pattern.compile("/storage/v1/b/([^/]+)/o/(.+)");
  private static final Pattern OBJECTS = Pattern.compile("/storage/v1/b/([^/]+)/o/?");
  private static final Pattern BUCKET = Pattern.compile("/storage/v1/b/([^/]+)/?");
  private static final Pattern DOWNLOAD = Pattern.compile("/download/storage/v1/b/([^/]+)/o/(.+)");
  private static final Pattern UPLOAD = Pattern.compile("/upload/storage/v1/b/([^/]+)/o/?");
  private static final Pattern REWRITE = Pattern.compile("/storage/v1/b/([^/]+)/o/(.+)/(rewriteTo|copyTo)/b/([^/]+)/o/(.+)");

  /** A stored object. */
  public record Blob(byte[] data, long generation, Instant updated, String contentType) {}

  private final HttpServer server;
  private final Map<String, NavigableMap<String, Blob>> buckets = new ConcurrentHashMap<>();
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final AtomicLong generations = new AtomicLong(1);
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicLong> routed = new ConcurrentHashMap<>();

  private record Upload(String bucket, String name, String contentType, ByteArrayOutputStream data) {}

  public FakeGcsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  /** The JSON API root, as Beam's {@code --gcsEndpoint} wants it. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/storage/v1/";
  }

  /** The host, as the {@code google-cloud-storage} client's {@code setHost} wants it. */
  public String host() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void createBucket(String name) {
    buckets.putIfAbsent(name, new ConcurrentSkipListMap<>());
  }

  public void put(String bucket, String name, byte[] data) {
    bucket(bucket).put(name, new Blob(data.clone(), generations.getAndIncrement(), Instant.now(), "application/octet-stream"));
  }

  /** Object names in a bucket, in order. */
  public List<String> names(String bucket) {
    return new ArrayList<>(bucket(bucket).keySet());
  }

  public byte[] get(String bucket, String name) {
    Blob b = bucket(bucket).get(name);
    return b == null ? null : b.data().clone();
  }

  public long requestCount() {
    return requests.get();
  }

  /** How many requests (batch parts included) took a route: "batch", "rewrite", "resumable", "delete", ... */
  public long routed(String route) {
    AtomicLong n = routed.get(route);
    return n == null ? 0 : n.get();
  }

  private void count(String route) {
    routed.computeIfAbsent(route, k -> new AtomicLong()).incrementAndGet();
  }

  private NavigableMap<String, Blob> bucket(String name) {
    NavigableMap<String, Blob> b = buckets.get(name);
    if (b == null) {
      throw new IllegalArgumentException("no bucket " + name);
    }
    return b;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  // ---------------------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      byte[] body = body(ex);
      Response r = route(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), query(ex.getRequestURI().getRawQuery()),
          ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Range"),
          ex.getRequestHeaders().getFirst("Content-Range"), body);
      r.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      if (r.body.length == 0) {
        ex.sendResponseHeaders(r.status, -1);
      } else {
        ex.sendResponseHeaders(r.status, r.body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body);
        }
      }
    } catch (RuntimeException e) {
      byte[] msg = error(500, e.toString()).body;
      ex.sendResponseHeaders(500, msg.length);
      ex.getResponseBody().write(msg);
    }
  }

  private static byte[] body(HttpExchange ex) throws IOException {
    InputStream in = ex.getRequestBody();
    if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return in.readAllBytes();
  }

  private static final class Response {
    final int status;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();

    Response(int status, byte[] body, String contentType) {
      this.status = status;
      this.body = body;
      if (contentType != null) {
        headers.put("Content-Type", contentType);
      }
    }
  }

  private static Response json(int status, JsonNode node) {
    try {
      return new Response(status, JSON.writeValueAsBytes(node), "application/json; charset=UTF-8");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response error(int status, String message) {
    ObjectNode err = JSON.createObjectNode();
    err.putObject("error").put("code", status).put("message", message);
    return json(status, err);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      String k = eq < 0 ? kv : kv.substring(0, eq);
      String v = eq < 0 ? "" : kv.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private Response route(String method, String path, Map<String, String> q, String contentType, String range,
      String contentRange, byte[] body) throws IOException {
    Matcher m;
    if (path.equals("/batch/storage/v1") && method.equals("POST")) {
      count("batch");
      return batch(contentType, body);
    }
    if ((m = UPLOAD.matcher(path)).matches()) {
      return upload(method, m.group(1), q, contentType, contentRange, body);
    }
    if ((m = DOWNLOAD.matcher(path)).matches() && method.equals("GET")) {
      return media(m.group(1), decode(m.group(2)), range);
    }
    if ((m = REWRITE.matcher(path)).matches() && method.equals("POST")) {
      count("rewrite");
      return rewrite(m.group(1), decode(m.group(2)), m.group(4), decode(m.group(5)), m.group(3));
    }
    if ((m = OBJECT.matcher(path)).matches()) {
      String bucket = m.group(1);
      String name = decode(m.group(2));
      if (!buckets.containsKey(bucket)) {
        return error(404, "no bucket " + bucket);
      }
      Blob blob = bucket(bucket).get(name);
      switch (method) {
        case "GET":
          if (blob == null) {
            return error(404, "no object " + name);
          }
          if ("media".equals(q.get("alt"))) {
            return media(bucket, name, range);
          }
          return json(200, metadata(bucket, name, blob));
        case "DELETE":
          count("delete");
          return bucket(bucket).remove(name) == null ? error(404, "no object " + name) : new Response(204, new byte[0], null);
        default:
          return error(405, method + " " + path);
      }
    }
    if ((m = OBJECTS.matcher(path)).matches() && method.equals("GET")) {
      return list(m.group(1), q);
    }
    if ((m = BUCKET.matcher(path)).matches() && method.equals("GET")) {
      return buckets.containsKey(m.group(1))
          ? json(200, JSON.createObjectNode().put("kind", "storage#bucket").put("name", m.group(1)).put("id", m.group(1)))
          : error(404, "no bucket " + m.group(1));
    }
    if (path.matches("/storage/v1/b/?") && method.equals("POST")) {
      String name = JSON.readTree(body).path("name").asText();
      createBucket(name);
      return json(200, JSON.createObjectNode().put("kind", "storage#bucket").put("name", name).put("id", name));
    }
    return error(404, "not faked: " + method + " " + path);
  }

  private ObjectNode metadata(String bucket, String name, Blob blob) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", "storage#object");
    o.put("id", bucket + "/" + name + "/" + blob.generation());
    o.put("name", name);
    o.put("bucket", bucket);
    o.put("generation", Long.toString(blob.generation()));
    o.put("metageneration", "1");
    o.put("contentType", blob.contentType());
    o.put("size", Long.toString(blob.data().length));
    o.put("updated", blob.updated().toString());
    o.put("timeCreated", blob.updated().toString());
    o.put("storageClass", "STANDARD");
    o.put("md5Hash", Base64.getEncoder().encodeToString(md5(blob.data())));
    CRC32C crc = new CRC32C();
    crc.update(blob.data());
    long c = crc.getValue();
    o.put("crc32c", Base64.getEncoder().encodeToString(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c}));
    o.put("mediaLink", host() + "/download/storage/v1/b/" + bucket + "/o/" + encode(name) + "?alt=media");
    o.put("selfLink", endpoint() + "b/" + bucket + "/o/" + encode(name));
    return o;
  }

  private static String encode(String name) {
    return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] md5(byte[] data) {
    try {
      return MessageDigest.getInstance("MD5").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response list(String bucket, Map<String, String> q) {
    if (!buckets.containsKey(bucket)) {
      return error(404, "no bucket " + bucket);
    }
    String prefix = q.getOrDefault("prefix", "");
    String delimiter = q.get("delimiter");
    ObjectNode out = JSON.createObjectNode().put("kind", "storage#objects");
    ArrayNode items = out.putArray("items");
    TreeSet<String> prefixes = new TreeSet<>();
    for (Map.Entry<String, Blob> e : bucket(bucket).tailMap(prefix, true).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(prefix)) {
        break;
      }
      if (delimiter != null && !delimiter.isEmpty()) {
        int at = name.indexOf(delimiter, prefix.length());
        if (at >= 0) {
          prefixes.add(name.substring(0, at + delimiter.length()));
          continue;
        }
      }
      items.add(metadata(bucket, name, e.getValue()));
    }
    if (!prefixes.isEmpty()) {
      ArrayNode p = out.putArray("prefixes");
      prefixes.forEach(p::add);
    }
    return json(200, out);
  }

  private Response media(String bucket, String name, String range) {
    if (!buckets.containsKey(bucket) || !bucket(bucket).containsKey(name)) {
      return error(404, "no object " + bucket + "/" + name);
    }
    Blob blob = bucket(bucket).get(name);
    byte[] data = blob.data();
    Response r;
    if (range != null && range.startsWith("bytes=")) {
      String[] se = range.substring(6).split("-", -1);
      long start = se[0].isEmpty() ? Math.max(0, data.length - Long.parseLong(se[1])) : Long.parseLong(se[0]);
      long end = se[0].isEmpty() || se[1].isEmpty() ? data.length - 1 : Math.min(data.length - 1, Long.parseLong(se[1]));
      if (start >= data.length) {
        if (data.length == 0) {
          r = new Response(200, new byte[0], blob.contentType());
        } else {
          r = error(416, "range not satisfiable");
          r.headers.put("Content-Range", "bytes */" + data.length);
          return r;
        }
      } else {
        byte[] part = java.util.Arrays.copyOfRange(data, (int) start, (int) end + 1);
        r = new Response(206, part, blob.contentType());
        r.headers.put("Content-Range", "bytes " + start + "-" + end + "/" + data.length);
      }
    } else {
      r = new Response(200, data, blob.contentType());
    }
    r.headers.put("x-goog-generation", Long.toString(blob.generation()));
    r.headers.put("x-goog-stored-content-length", Long.toString(data.length));
    r.headers.put("x-goog-stored-content-encoding", "identity");
    return r;
  }

  private Response store(String bucket, String name, byte[] data, String contentType) {
    if (!buckets.containsKey(bucket)) {
      return error(404, "no bucket " + bucket);
    }
    Blob blob = new Blob(data, generations.getAndIncrement(), Instant.now(),
        contentType == null ? "application/octet-stream" : contentType);
    bucket(bucket).put(name, blob);
    return json(200, metadata(bucket, name, blob));
  }

  private Response upload(String method, String bucket, Map<String, String> q, String contentType, String contentRange,
      byte[] body) throws IOException {
    String type = q.getOrDefault("uploadType", "media");
    if (method.equals("POST") && type.equals("media")) {
      return store(bucket, q.get("name"), body, contentType);
    }
    if (method.equals("POST") && type.equals("multipart")) {
      List<Part> parts = parts(contentType, body);
      JsonNode meta = JSON.readTree(parts.get(0).body());
      String name = meta.path("name").asText(q.get("name"));
      return store(bucket, name, parts.get(1).body(), meta.path("contentType").asText(parts.get(1).header("content-type")));
    }
    if (method.equals("POST") && type.equals("resumable")) {
      count("resumable");
      JsonNode meta = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
      String name = meta.path("name").asText(q.get("name"));
      String id = java.util.UUID.randomUUID().toString();
      uploads.put(id, new Upload(bucket, name, meta.path("contentType").asText("application/octet-stream"),
          new ByteArrayOutputStream()));
      Response r = new Response(200, new byte[0], null);
      r.headers.put("Location", host() + "/upload/storage/v1/b/" + bucket + "/o?uploadType=resumable&upload_id=" + id);
      return r;
    }
    if (method.equals("PUT") && q.containsKey("upload_id")) {
      Upload u = uploads.get(q.get("upload_id"));
      if (u == null) {
        return error(404, "no upload " + q.get("upload_id"));
      }
      synchronized (u) {
        // Content-Range: bytes a-b/total, bytes a-b/*, or bytes */total (a status query or an empty final chunk)
        String cr = contentRange == null ? "bytes */*" : contentRange;
        String spec = cr.substring(cr.indexOf(' ') + 1);
        String total = spec.substring(spec.indexOf('/') + 1);
        if (!spec.startsWith("*")) {
          long start = Long.parseLong(spec.substring(0, spec.indexOf('-')));
          if (start == u.data().size()) {
            u.data().write(body);
          } else if (start + body.length > u.data().size()) {
            byte[] have = u.data().toByteArray();
            u.data().reset();
            u.data().write(have, 0, (int) start);
            u.data().write(body);
          }
        } else if (body.length > 0) {
          u.data().write(body);
        }
        if (!total.equals("*") && Long.parseLong(total) == u.data().size()) {
          uploads.remove(q.get("upload_id"));
          return store(u.bucket(), u.name(), u.data().toByteArray(), u.contentType());
        }
        Response r = new Response(308, new byte[0], null);
        if (u.data().size() > 0) {
          r.headers.put("Range", "bytes=0-" + (u.data().size() - 1));
        }
        return r;
      }
    }
    return error(400, "unsupported upload " + method + " " + type);
  }

  private Response rewrite(String bucket, String name, String toBucket, String toName, String kind) {
    if (!buckets.containsKey(bucket) || !bucket(bucket).containsKey(name)) {
      return error(404, "no object " + bucket + "/" + name);
    }
    if (!buckets.containsKey(toBucket)) {
      return error(404, "no bucket " + toBucket);
    }
    Blob from = bucket(bucket).get(name);
    Response stored = store(toBucket, toName, from.data(), from.contentType());
    if (kind.equals("copyTo")) {
      return stored;
    }
    ObjectNode out = JSON.createObjectNode().put("kind", "storage#rewriteResponse")
        .put("totalBytesRewritten", Long.toString(from.data().length))
        .put("objectSize", Long.toString(from.data().length)).put("done", true);
    try {
      out.set("resource", JSON.readTree(stored.body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return json(200, out);
  }

  // --- multipart -------------------------------------------------------------------------------

  private record Part(Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static List<Part> parts(String contentType, byte[] body) {
    String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> out = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int start = at + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break;
      }
      start = skipLine(body, start);
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        break;
      }
      int end = next;
      if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
        end -= 2;
      } else if (end >= 1 && body[end - 1] == '\n') {
        end -= 1;
      }
      out.add(part(java.util.Arrays.copyOfRange(body, start, end)));
      at = next;
    }
    return out;
  }

  private static Part part(byte[] raw) {
    Map<String, String> headers = new TreeMap<>();
    int pos = 0;
    while (pos < raw.length) {
      int eol = lineEnd(raw, pos);
      String line = new String(raw, pos, eol - pos, StandardCharsets.ISO_8859_1).strip();
      pos = skipLine(raw, pos);
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
      }
    }
    return new Part(headers, java.util.Arrays.copyOfRange(raw, Math.min(pos, raw.length), raw.length));
  }

  private static int lineEnd(byte[] b, int from) {
    int i = from;
    while (i < b.length && b[i] != '\n') {
      i++;
    }
    return i > from && b[i - 1] == '\r' ? i - 1 : i;
  }

  private static int skipLine(byte[] b, int from) {
    int i = from;
    while (i < b.length && b[i] != '\n') {
      i++;
    }
    return Math.min(b.length, i + 1);
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** {@code /batch/storage/v1}: each part is an HTTP request; answer each as an HTTP response part. */
  private Response batch(String contentType, byte[] body) throws IOException {
    String boundary = "batch_" + java.util.UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts(contentType, body)) {
      // a part's own headers carry its Content-ID; its body is an HTTP request: request line,
      // headers, blank line, body
      Part request = part(p.body());
      String[] rl = new String(p.body(), 0, lineEnd(p.body(), 0), StandardCharsets.ISO_8859_1).split(" ");
      Response r;
      if (rl.length >= 2) {
        java.net.URI uri = java.net.URI.create(rl[1].startsWith("http") ? rl[1] : "http://x" + rl[1]);
        r = route(rl[0], uri.getRawPath(), query(uri.getRawQuery()), request.header("content-type"), null, null,
            request.body());
      } else {
        r = error(400, "bad batch part");
      }
      String id = p.headers().getOrDefault("content-id", "");
      out.write(("--" + boundary + "\r\nContent-Type: application/http\r\nContent-ID: "
          + id.replace("<", "<response-") + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(("HTTP/1.1 " + r.status + " " + (r.status < 300 ? "OK" : "Error") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      for (Map.Entry<String, String> h : r.headers.entrySet()) {
        out.write((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write(("Content-Length: " + r.body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(r.body);
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    return new Response(200, out.toByteArray(), "multipart/mixed; boundary=" + boundary);
  }
}
