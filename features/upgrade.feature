@upgrade
Feature: The service is correctly started on a wazo-upgrade
  Guideline checklist: "The service is correctly started on a wazo-upgrade" and "The service
  is the correct state (running or stopped) after an upgrade of the slave machine". The
  previous version (manifest package.previous) is upgraded the way wazo-upgrade does it:
  wazo-service stop, wazo-service disable, apt-get install of the new package with
  --force-confnew, wazo-service enable, wazo-service restart. A slave is a host whose Wazo
  services are disabled (/var/lib/wazo/disabled); the upgrade keeps it so.

  Scenario: The service is correctly started on a wazo-upgrade
    Given the previous version of the service is installed on a Wazo host of its own
    And the service is running
    And the administrator has added a setting in the service's conf.d directory
    When the host is upgraded with wazo-upgrade to the service's new version
    Then wazo-upgrade succeeds and installs the manifest's new version
    And the service is running
    And the service user and permissions are as before the upgrade
    And the service is registered in consul
    And the administrator's setting is still in the service's conf.d directory
    And no unit of the host is failed

  @slave
  Scenario: The service is the correct state (running or stopped) after an upgrade of the slave machine
    Given the previous version of the service is installed on a Wazo host of its own
    And the service is running
    And the host is a slave: its Wazo services are disabled
    When the host is upgraded with wazo-upgrade to the service's new version
    Then wazo-upgrade succeeds and installs the manifest's new version
    And the service is in the state the manifest declares for a slave after an upgrade
    When the host is enabled again with wazo-service
    Then the service is running
    And the service is registered in consul
