package org.secondshift;

public final class Main {
  public static void main(String[] args) {}
}
