package org.secondshift.slack.listeners;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import java.util.HashMap;
import java.util.Map;
import org.secondshift.slack.home.HomePublisher;
import org.secondshift.slack.home.PersonalSettings;
import org.secondshift.slack.home.SettingsModal;

/** The Settings modal was submitted: errors go back field by field; valid choices apply at once. */
public final class SettingsSubmittedListener implements ViewSubmissionHandler {
  private final PersonalSettings settings;
  private final HomePublisher home;

  public SettingsSubmittedListener(PersonalSettings settings, HomePublisher home) {
    this.settings = settings;
    this.home = home;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String team = req.getPayload().getTeam().getId();
    String user = req.getPayload().getUser().getId();
    SettingsModal.Result result =
        SettingsModal.parse(values(req.getPayload().getView().getState()));
    if (result.choices().isEmpty()) {
      return ctx.ackWithErrors(result.errors());
    }
    settings.save(team, user, result.choices().get());
    home.refresh(team, user);
    return ctx.ack();
  }

  private static Map<String, String> values(ViewState state) {
    Map<String, String> values = new HashMap<>();
    if (state == null || state.getValues() == null) {
      return values;
    }
    state
        .getValues()
        .forEach(
            (block, actions) ->
                actions.forEach(
                    (action, v) -> {
                      String value =
                          v.getSelectedOption() != null
                              ? v.getSelectedOption().getValue()
                              : v.getSelectedTime() != null ? v.getSelectedTime() : v.getValue();
                      values.put(block, value);
                    }));
    return values;
  }
}
