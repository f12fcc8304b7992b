package dev.reelscribe.models.chat;

/**
 * One chat-completions answer as the server gave it.
 *
 * @param text the answer's text, stripped; empty when the server sent none
 * @param truncated whether the server stopped at the token limit ({@code finish_reason=length})
 * @param attempts requests it took, counting retries
 */
public record ChatAnswer(String text, boolean truncated, int attempts) {}
