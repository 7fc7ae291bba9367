@monit
Feature: The service is monitored by monit
  Guideline checklist: "The service is monitored by monit". The manifest says who supervises
  the daemon: monit (the guideline) or systemd's Restart= (what today's Wazo daemons use).
  Either is checked for real: the main process is killed with SIGKILL and must be restarted
  within a bound, with a new main PID, by that supervisor and no other. For monit, systemd's
  own Restart= is turned off for the test (a runtime drop-in), monit's log must say it
  started the service and systemd's restart counter must not go up; for systemd, monit is
  stopped, systemd's restart counter must go up and monit's log must be silent about it.
  It changes the service and gives back what it changed (the drop-in removed, monit started
  again): it runs on the run's shared host once every scenario that only reads it has
  finished, alone (on a host of its own if a scenario before it there did not pass).

  Scenario: The service is monitored by its supervisor (monit, or systemd's Restart=)
    Given the service is installed on the shared Wazo host, after the scenarios that only read it
    And the service is running
    Then the service's supervisor watches it
    When the service's main process is killed with SIGKILL
    Then the service's supervisor restarts it within the bound
    And the service is running
