package org.secondshift.store;

/** The database could not do what was asked; the message names the ids involved. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
