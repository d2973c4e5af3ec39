package org.secondshift.sandbox;

/** A file announced via files.getUploadURLExternal, with the bytes posted to its upload URL. */
public record UploadedFile(
    String fileId,
    String filename,
    byte[] bytes,
    String channelId,
    boolean completed,
    String title,
    String initialComment) {

  public UploadedFile {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  UploadedFile withBytes(byte[] newBytes) {
    return new UploadedFile(
        fileId, filename, newBytes, channelId, completed, title, initialComment);
  }

  UploadedFile completedIn(String channel, String newTitle, String comment) {
    return new UploadedFile(
        fileId, filename, bytes, channel, true, newTitle == null ? filename : newTitle, comment);
  }
}
