package org.secondshift.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Files going through Slack's three-step external upload flow. */
final class FileStore {
  private final Map<String, UploadedFile> files = new LinkedHashMap<>();
  private final Map<String, Boolean> received = new LinkedHashMap<>();
  private int nextId = 1;

  synchronized UploadedFile announce(String filename) {
    String id = "F%08d".formatted(nextId++);
    UploadedFile file = new UploadedFile(id, filename, new byte[0], null, false, null, null, null);
    files.put(id, file);
    received.put(id, false);
    return file;
  }

  synchronized boolean receive(String fileId, byte[] bytes) {
    UploadedFile file = files.get(fileId);
    if (file == null) {
      return false;
    }
    files.put(fileId, file.withBytes(bytes));
    received.put(fileId, true);
    return true;
  }

  /** Whether the file was announced and its bytes arrived, i.e. it may be completed. */
  synchronized boolean isReceived(String fileId) {
    return received.getOrDefault(fileId, false);
  }

  synchronized Optional<UploadedFile> complete(
      String fileId, String channelId, String title, String initialComment, String ts) {
    if (!isReceived(fileId)) {
      return Optional.empty();
    }
    UploadedFile done = files.get(fileId).completedIn(channelId, title, initialComment, ts);
    files.put(fileId, done);
    return Optional.of(done);
  }

  /** Puts back files shared before a restart; new ones get later ids. */
  synchronized void restore(List<UploadedFile> kept) {
    for (UploadedFile f : kept) {
      files.put(f.fileId(), f);
      received.put(f.fileId(), true);
      nextId = Math.max(nextId, Integer.parseInt(f.fileId().substring(1)) + 1);
    }
  }

  synchronized List<UploadedFile> all() {
    return new ArrayList<>(files.values());
  }
}
