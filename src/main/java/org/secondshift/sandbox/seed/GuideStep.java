package org.secondshift.sandbox.seed;

/**
 * One story of the sandbox's "Start here" card: a one-line title, what to try, and where one click
 * takes the reader, as whom.
 *
 * @param open a channel ({@code C…}), a direct message ({@code D} and the person's id) or {@code
 *     home}
 * @param as the person the page is shown as once the step is clicked
 */
public record GuideStep(String title, String text, String open, String as) {
  public static final String HOME = "home";

  public GuideStep {
    Seed.require(title, "guide[].title");
    Seed.require(text, "guide[].text");
    Seed.require(open, "guide[].open");
    Seed.require(as, "guide[].as");
  }
}
