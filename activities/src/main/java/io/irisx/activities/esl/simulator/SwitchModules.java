package io.irisx.activities.esl.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The modules the simulated switch has loaded, as {@code module_exists}, {@code load} and {@code
 * unload} see them. They outlive a restart, as a real switch's modules.conf does.
 */
final class SwitchModules {
  /** What a switch set up as docs/freeswitch.md says has loaded. */
  static final List<String> DEFAULTS =
      List.of(
          "mod_event_socket",
          "mod_sofia",
          "mod_commands",
          "mod_dptools",
          "mod_dialplan_xml",
          "mod_sndfile",
          "mod_native_file",
          "mod_tone_stream",
          "mod_local_stream",
          "mod_http_cache",
          "mod_ssml",
          "mod_flite",
          "mod_loopback");

  private final Set<String> loaded = ConcurrentHashMap.newKeySet();

  SwitchModules() {
    loaded.addAll(DEFAULTS);
  }

  boolean exists(String module) {
    return loaded.contains(normal(module));
  }

  /** {@code api load}: "+OK Reloading XML" then "+OK", as in capture 18. */
  String load(String module) {
    if (module.isBlank()) {
      return "-USAGE: <mod_name>\n";
    }
    if (!loaded.add(normal(module))) {
      return "-ERR [Module already loaded]\n";
    }
    return "+OK Reloading XML\n+OK\n";
  }

  /** {@code api unload}: "+OK", as in capture 18. */
  String unload(String module) {
    if (module.isBlank()) {
      return "-USAGE: [-f] <mod_name>\n";
    }
    if (!loaded.remove(normal(module))) {
      return "-ERR [Invalid Module]\n";
    }
    return "+OK\n";
  }

  private static String normal(String module) {
    return module.strip().toLowerCase(Locale.ROOT);
  }
}
