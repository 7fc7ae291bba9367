@install
Feature: The service is correctly installed on a fresh install
  Guideline checklist: "The service is correctly installed on a fresh install".
  The package is installed with apt on a fresh Debian stable Wazo host, its
  dependencies resolved from Debian.

  Scenario: The service is correctly installed on a fresh install
    Given the service package has been installed on a fresh Wazo host
    Then the installation succeeds
    And the installed package is the one the manifest names, at its version
    And the service unit is enabled
    And the service is running
    And no unit of the host is failed
    And the host's own services (consul, nginx, monit) are still running
