package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.List;
import org.secondshift.slack.command.Reply;

/** The confirmation before erasing someone's data, and the message after. */
public final class ForgetMeView {
  public static final String CONFIRM_ACTION = "forget_me_confirm";

  private ForgetMeView() {}

  public static Reply confirm() {
    String text =
        "*Erase everything Second Shift stores about you?* Your hour log, settings, nudges,"
            + " notes you wrote and your place in captain rotations go, and cannot come back."
            + " `/shift export` first if you want a copy.";
    return new Reply(
        "Erase everything Second Shift stores about you?",
        List.of(
            section(s -> s.text(markdownText(text))),
            actions(
                a ->
                    a.blockId("forget_me")
                        .elements(
                            List.of(
                                button(
                                    b ->
                                        b.actionId(CONFIRM_ACTION)
                                            .style("danger")
                                            .value("confirm")
                                            .text(plainText("Yes, forget me"))
                                            .confirm(
                                                confirmationDialog(
                                                    c ->
                                                        c.title(plainText("Forget me"))
                                                            .text(
                                                                plainText(
                                                                    "This deletes all your data now."))
                                                            .confirm(plainText("Delete"))
                                                            .deny(plainText("Keep it"))))))))));
  }

  /** What replaces the question once the data is gone (the buttons go with it). */
  public static Reply erased() {
    return Reply.text(
        ":white_check_mark: Your data is erased: Second Shift no longer stores anything about you.");
  }

  public static String farewell() {
    return ":wave: Done: everything Second Shift stored about you has been deleted. If you use Slack"
        + " in its channels again, a new hour log starts from then.";
  }
}
