package org.secondshift.sandbox;

/**
 * A file announced via files.getUploadURLExternal, with the bytes posted to its upload URL.
 *
 * @param sharedTs when it was shared in {@code channelId}, as a Slack timestamp; null until
 *     completed
 */
public record UploadedFile(
    String fileId,
    String filename,
    byte[] bytes,
    String channelId,
    boolean completed,
    String title,
    String initialComment,
    String sharedTs) {

  public UploadedFile {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Whether it was completed into a channel, where Slack shows it as a message. */
  public boolean sharedIn(String channel) {
    return completed && channel.equals(channelId);
  }

  UploadedFile withBytes(byte[] newBytes) {
    return new UploadedFile(
        fileId, filename, newBytes, channelId, completed, title, initialComment, sharedTs);
  }

  UploadedFile completedIn(String channel, String newTitle, String comment, String ts) {
    return new UploadedFile(
        fileId,
        filename,
        bytes,
        channel,
        true,
        newTitle == null ? filename : newTitle,
        comment,
        ts);
  }
}
