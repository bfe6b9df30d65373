package io.irisx.activities.esl;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asks a switch with {@code api module_exists} whether the modules IRISX uses are loaded (see
 * docs/freeswitch.md). Speech needs mod_ssml, which registers the {@code tts://} file format in
 * FreeSWITCH 1.10, and the engine's own module: without either the switch answers a spoken prompt
 * as a missing file.
 */
public final class ModuleCheck {
  private final List<SwitchModule> modules;
  private final Clock clock;

  public ModuleCheck(SpeechVoice speech, Clock clock) {
    this.modules = needed(speech);
    this.clock = clock;
  }

  /** The modules a node with this speech engine needs, essential ones first. */
  public static List<SwitchModule> needed(SpeechVoice speech) {
    String engine = "mod_" + speech.engine().toLowerCase(Locale.ROOT);
    return List.of(
        new SwitchModule("mod_sofia", true, "SIP: no call can be made or received"),
        new SwitchModule(
            "mod_commands", true, "uuid_* and originate commands: no call can be controlled"),
        new SwitchModule(
            "mod_dptools", true, "park, playback, record and the dialplan's set: calls hang"),
        new SwitchModule("mod_sndfile", true, "WAV prompts and recordings"),
        new SwitchModule("mod_tone_stream", false, "tones and silence (tone_stream://) fail"),
        new SwitchModule("mod_http_cache", false, "URL media (https://) fails as a missing file"),
        new SwitchModule(
            "mod_ssml", false, "spoken prompts (say:) fail as missing files: it registers tts://"),
        new SwitchModule(engine, false, "spoken prompts (say:) with " + speech.engine() + " fail"));
  }

  public List<SwitchModule> modules() {
    return modules;
  }

  /** Asks the switch about every module; a module it cannot be asked about is reported so. */
  public ModuleReport check(EslConnection esl) {
    List<SwitchModule> missing = new ArrayList<>();
    List<String> unanswered = new ArrayList<>();
    for (SwitchModule module : modules) {
      try {
        String answer = esl.api("module_exists", module.name()).firstLine();
        if (!"true".equals(answer)) {
          missing.add(module);
        }
      } catch (RuntimeException e) {
        unanswered.add(module.name());
      }
    }
    return new ModuleReport(clock.instant(), missing, unanswered);
  }
}
