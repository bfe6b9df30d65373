package io.irisx.workflows.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A one-key menu with retries and an operator fallback. The caller hears {@code prompt} and presses
 * a key; each key of {@code options} does one of three things:
 *
 * <ul>
 *   <li>{@code {"flow": "reminder", "params": {...}}}: the call goes on in that flow;
 *   <li>{@code {"number": "+15550123"}}: the number is dialled and bridged; the call ends after;
 *   <li>{@code {"prompt": "ivr/hours.wav"}}: the prompt plays, then the menu again.
 * </ul>
 *
 * <p>{@code 0}, or no valid key after {@code retries} attempts, dials {@code operator} when there
 * is one (an option for {@code 0} wins over the operator). The CDR's metadata keeps the path taken
 * as {@code ivr}: {@code option-<key>}, {@code operator} or {@code no-input}.
 *
 * <p>Params: {@code prompt} (the menu; default a stock "please choose" file), {@code options},
 * {@code retries} (1..10, default 3), {@code operator} (E.164), {@code goodbye} (played before
 * hanging up when there is no operator).
 */
public final class IvrFlow implements CallFlow {
  public static final String NAME = "ivr";
  public static final String RESULT = "ivr";
  static final String DEFAULT_PROMPT = "ivr/ivr-please_choose_from_the_following.wav";
  static final String DEFAULT_GOODBYE = "voicemail/vm-goodbye.wav";

  /** A caller who keeps asking for informational prompts is still bounded. */
  static final int MAX_MENU_VISITS = 10;

  static final String OPERATOR_KEY = "0";

  /** What {@code params} may hold; the API refuses anything else. */
  public static final FlowParameters PARAMETERS =
      FlowParameters.of(
          FlowParameter.media("prompt", "the menu"),
          FlowParameter.menu("options", "what each key does"),
          FlowParameter.integer("retries", 1, 10, "attempts before the operator or goodbye"),
          FlowParameter.number("operator", "dialled on 0 or after the last attempt"),
          FlowParameter.media("goodbye", "played before hanging up when there is no operator"));

  @Override
  public void run(Call call) {
    call.answer();
    Map<String, Object> options = FlowParams.object(call.params(), "options");
    Optional<String> operator = FlowParams.number(call.params(), "operator");
    String keys = validKeys(options, operator.isPresent());
    for (int visit = 1; visit <= MAX_MENU_VISITS; visit++) {
      GatherResult choice =
          call.gather(
              Gather.digits(1)
                  .prompt(FlowParams.text(call, "prompt", DEFAULT_PROMPT))
                  .accepting(keys.isEmpty() ? "(?!)" : "[" + keys + "]")
                  .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(3))
                  .attempts(FlowParams.integer(call, "retries", 3, 1, 10)));
      if (!choice.answered()) {
        call.annotate(RESULT, "no-input");
        toOperatorOrGoodbye(call, operator);
        return;
      }
      Map<String, Object> option = FlowParams.object(options, choice.digits());
      if (option.isEmpty()) { // only the operator key gets here without an option of its own
        call.annotate(RESULT, "operator");
        toOperatorOrGoodbye(call, operator);
        return;
      }
      call.annotate(RESULT, "option-" + choice.digits());
      if (option.get("flow") instanceof String flow) {
        call.transfer(flow, FlowParams.object(option, "params"));
      }
      Optional<String> number = FlowParams.number(option, "number");
      if (number.isPresent()) {
        call.dial(Dial.number(number.get()));
        call.hangup();
        return;
      }
      call.play(FlowParams.text(option, "prompt", DEFAULT_PROMPT));
    }
    call.hangup();
  }

  /** The keys the menu accepts: those with a usable option, and 0 when there is an operator. */
  private static String validKeys(Map<String, Object> options, boolean hasOperator) {
    TreeSet<String> keys = new TreeSet<>();
    options.forEach(
        (key, option) -> {
          if (key.matches("[0-9*#]") && option instanceof Map<?, ?>) {
            keys.add(key.equals("*") || key.equals("#") ? "\\" + key : key);
          }
        });
    if (hasOperator) {
      keys.add(OPERATOR_KEY);
    }
    return String.join("", keys);
  }

  private static void toOperatorOrGoodbye(Call call, Optional<String> operator) {
    if (operator.isPresent()) {
      call.dial(Dial.number(operator.get()));
    } else {
      call.play(FlowParams.text(call, "goodbye", DEFAULT_GOODBYE));
    }
    call.hangup();
  }
}
