/** The hour log: pure rules that turn Slack activity into work sessions and hours per local day. */
package org.secondshift.hours;
