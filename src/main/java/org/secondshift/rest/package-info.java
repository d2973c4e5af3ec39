/**
 * Rest nudges: when to tell someone to stop (a pure policy), and the service that records each
 * nudge with its message. Talks to storage, Slack and the rotation only through the ports here.
 */
package org.secondshift.rest;
