package org.secondshift;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks manifest.yml (repository root) against the Slack app manifest schema and our own rules.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ManifestTest {

  private static final Path MANIFEST = Path.of("manifest.yml");
  private static final Path DISTRIBUTED = Path.of("manifest-distributed.yml");
  private static final String SCHEMA_RESOURCE = "/slack/manifest-schema.json";

  private static final Set<String> EXPECTED_BOT_SCOPES =
      Set.of(
          "channels:history",
          "groups:history",
          "chat:write",
          "im:write",
          "users:read",
          "dnd:read",
          "commands",
          "reactions:read",
          "app_mentions:read",
          "files:write",
          "channels:read",
          "groups:read",
          "im:history");

  /** Each event the bot may subscribe to, and the bot scope Slack requires for it ("" = none). */
  private static final Map<String, String> SCOPE_FOR_EVENT =
      Map.of(
          "message.channels", "channels:history",
          "message.groups", "groups:history",
          "message.im", "im:history",
          "app_mention", "app_mentions:read",
          "reaction_added", "reactions:read",
          "user_change", "users:read",
          "app_home_opened", "",
          "app_uninstalled", "",
          "tokens_revoked", "");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static Schema schema;
  private static JsonNode manifest;

  @BeforeAll
  static void load_schema_and_manifest() throws IOException {
    try (InputStream in = ManifestTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      assertThat(in).as("schema on the test classpath at %s", SCHEMA_RESOURCE).isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
    manifest = yamlToJson(Files.readString(MANIFEST, StandardCharsets.UTF_8));
  }

  private static JsonNode yamlToJson(String yamlText) {
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
    return JSON.valueToTree(tree);
  }

  private static List<String> errors(JsonNode document) {
    List<String> messages = new ArrayList<>();
    for (Error error : schema.validate(document)) {
      messages.add(error.toString());
    }
    return messages;
  }

  private static ObjectNode copy() {
    return (ObjectNode) manifest.deepCopy();
  }

  private static List<String> strings(JsonNode array) {
    assertThat(array.isArray()).as("%s is an array", array).isTrue();
    List<String> values = new ArrayList<>();
    for (JsonNode value : array.values()) {
      values.add(value.stringValue());
    }
    return values;
  }

  @Test
  void the_manifest_is_valid_against_the_slack_manifest_schema() {
    assertThat(errors(manifest)).isEmpty();
  }

  @Test
  void the_shift_command_is_the_only_slash_command_and_escapes_mentions() {
    JsonNode commands = manifest.at("/features/slash_commands");
    assertThat(commands.size()).isEqualTo(1);
    JsonNode shift = commands.get(0);
    assertThat(shift.at("/command").stringValue()).isEqualTo("/shift");
    assertThat(shift.at("/should_escape").isBoolean()).isTrue();
    assertThat(shift.at("/should_escape").booleanValue()).isTrue();
    assertThat(shift.at("/description").stringValue()).isNotBlank();
    assertThat(shift.at("/usage_hint").stringValue()).isNotBlank();
  }

  @Test
  void the_bot_scopes_are_exactly_the_thirteen_the_bot_needs() {
    List<String> scopes = strings(manifest.at("/oauth_config/scopes/bot"));
    assertThat(scopes).doesNotHaveDuplicates();
    assertThat(Set.copyOf(scopes)).isEqualTo(EXPECTED_BOT_SCOPES);
    assertThat(manifest.at("/oauth_config/scopes/user").isMissingNode()).isTrue();
  }

  @Test
  void every_bot_event_is_one_we_handle() {
    List<String> events = strings(manifest.at("/settings/event_subscriptions/bot_events"));
    assertThat(events).doesNotHaveDuplicates();
    assertThat(SCOPE_FOR_EVENT.keySet()).containsAll(events);
    assertThat(manifest.at("/settings/event_subscriptions/user_events").isMissingNode()).isTrue();
  }

  @Test
  void every_bot_event_is_allowed_by_a_requested_scope() {
    for (String event : strings(manifest.at("/settings/event_subscriptions/bot_events"))) {
      String needed = SCOPE_FOR_EVENT.get(event);
      if (!needed.isEmpty()) {
        assertThat(EXPECTED_BOT_SCOPES).as("scope needed by %s", event).contains(needed);
      }
    }
  }

  @Test
  void events_interactivity_and_the_slash_command_share_one_request_url() {
    String events = manifest.at("/settings/event_subscriptions/request_url").stringValue();
    String interactivity = manifest.at("/settings/interactivity/request_url").stringValue();
    String command = manifest.at("/features/slash_commands/0/url").stringValue();
    assertThat(events).isEqualTo("https://second-shift.example.com/slack/events");
    assertThat(interactivity).isEqualTo(events);
    assertThat(command).isEqualTo(events);
    assertThat(manifest.at("/settings/interactivity/is_enabled").booleanValue()).isTrue();
  }

  @Test
  void the_app_home_and_the_bot_user_are_set_up() {
    assertThat(manifest.at("/display_information/name").stringValue()).isEqualTo("Second Shift");
    assertThat(manifest.at("/features/app_home/home_tab_enabled").booleanValue()).isTrue();
    assertThat(manifest.at("/features/app_home/messages_tab_enabled").booleanValue()).isTrue();
    assertThat(manifest.at("/features/app_home/messages_tab_read_only_enabled").booleanValue())
        .isFalse();
    assertThat(manifest.at("/features/bot_user/always_online").booleanValue()).isTrue();
    assertThat(manifest.at("/settings/socket_mode_enabled").booleanValue()).isFalse();
    assertThat(manifest.at("/settings/org_deploy_enabled").booleanValue()).isFalse();
    assertThat(manifest.at("/settings/token_rotation_enabled").booleanValue()).isFalse();
  }

  @Test
  void a_manifest_with_a_misspelt_key_is_rejected() {
    ObjectNode broken = copy();
    ObjectNode shift = (ObjectNode) broken.at("/features/slash_commands/0");
    shift.set("should_esacpe", shift.remove("should_escape"));
    assertThat(errors(broken)).isNotEmpty().anyMatch(m -> m.contains("should_esacpe"));
  }

  @Test
  void a_manifest_with_a_misspelt_top_level_section_is_rejected() {
    ObjectNode broken = copy();
    broken.set("setings", broken.remove("settings"));
    assertThat(errors(broken)).isNotEmpty().anyMatch(m -> m.contains("setings"));
  }

  @Test
  void a_manifest_without_an_app_name_is_rejected() {
    ObjectNode broken = copy();
    ((ObjectNode) broken.at("/display_information")).remove("name");
    assertThat(errors(broken)).isNotEmpty().anyMatch(m -> m.contains("name"));
  }

  @Test
  void a_slash_command_without_a_description_is_rejected() {
    ObjectNode broken = copy();
    ((ObjectNode) broken.at("/features/slash_commands/0")).remove("description");
    assertThat(errors(broken)).isNotEmpty().anyMatch(m -> m.contains("description"));
  }

  @Test
  void a_bot_display_name_with_a_space_is_rejected() {
    ObjectNode broken = copy();
    ((ObjectNode) broken.at("/features/bot_user")).put("display_name", "Second Shift");
    assertThat(errors(broken)).isNotEmpty();
  }

  @Test
  void yaml_that_is_not_a_mapping_is_rejected() {
    assertThat(errors(yamlToJson("- just\n- a list\n"))).isNotEmpty();
  }

  @Test
  void the_distribution_manifest_is_the_same_app_with_a_redirect_rotation_and_uninstall_events()
      throws IOException {
    JsonNode many = yamlToJson(Files.readString(DISTRIBUTED, StandardCharsets.UTF_8));
    assertThat(errors(many)).isEmpty();
    assertThat(strings(many.at("/oauth_config/scopes/bot")))
        .containsExactlyElementsOf(strings(manifest.at("/oauth_config/scopes/bot")));
    // The scopes the install flow asks for are the manifest's, in its order.
    assertThat(List.of(org.secondshift.slack.install.InstallFlow.BOT_SCOPES.split(",")))
        .containsExactlyElementsOf(strings(many.at("/oauth_config/scopes/bot")));
    assertThat(strings(many.at("/oauth_config/redirect_urls")))
        .containsExactly("https://second-shift.example.com/slack/oauth_redirect");
    assertThat(many.at("/settings/token_rotation_enabled").booleanValue()).isTrue();
    List<String> events = strings(many.at("/settings/event_subscriptions/bot_events"));
    assertThat(events)
        .containsAll(strings(manifest.at("/settings/event_subscriptions/bot_events")))
        .contains("app_uninstalled", "tokens_revoked");
    assertThat(SCOPE_FOR_EVENT.keySet()).containsAll(events);
    assertThat(many.at("/features")).isEqualTo(manifest.at("/features"));
  }
}
