@reboot
Feature: The service is correctly started on a reboot
  Guideline checklist: "The service is correctly started on a reboot". The host reboots: a
  clean systemd shutdown and a boot of the same container. The boot itself must start the
  service (a supervisor starting it later does not count), and within a bounded time it is
  active, runs as before, is registered in consul again and answers through nginx. Whether
  those users are the right ones is the @user feature's business. The boot-to-ready time is
  reported as a note. A disabled service (its unit disabled, and monit disabled at boot when
  monit supervises it, as wazo-service disable does) must stay stopped: nothing else may start it.

  Scenario: The service is correctly started on a reboot
    Given the service is installed on a Wazo host of its own
    And the service is running
    When the host reboots
    Then the boot starts the service unit
    And the service is serving within the bound after the boot
    And the service runs as the same users as before the reboot

  Scenario: A service installed but disabled stays stopped after a reboot
    Given the service is installed on a Wazo host of its own
    And the service is running
    And the administrator has disabled the service at boot
    When the host reboots
    Then the service stays stopped
