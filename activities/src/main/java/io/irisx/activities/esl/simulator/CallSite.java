package io.irisx.activities.esl.simulator;

/** Where in FreeSWITCH an event is fired: the Event-Calling-File/-Function/-Line-Number headers. */
record CallSite(String file, String function, int line) {}
