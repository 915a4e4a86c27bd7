package dev.pedigree.blackbox;

/**
 * A model that answers queries on prompts (black-box access): an in-process ONNX model or a remote
 * server. Its {@link #digest()} names its content, so answers cached under it stay valid exactly as
 * long as the model does not change.
 */
public interface QueryableModel extends AutoCloseable {
    /** The name shown in reports (the file name, the server's model id, …). */
    String name();

    /**
     * A stable identity of what answers: the SHA-256 of the model's files for a local model, the
     * server URL and model id for a remote one (which can change behind the same name; see the
     * backend's note).
     */
    String digest();

    @Override
    void close();
}
