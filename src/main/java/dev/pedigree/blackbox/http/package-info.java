/**
 * Backends for OpenAI-compatible servers ({@code /v1/completions} with log-probabilities,
 * {@code /v1/embeddings}) over {@link java.net.http.HttpClient}, with timeouts, retries with back-off
 * and a rate limit ({@link dev.pedigree.blackbox.http.OpenAiClient}).
 */
package dev.pedigree.blackbox.http;
