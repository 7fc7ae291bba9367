@packaging
Feature: The service has packaging instructions for the latest Debian stable
  Guideline checklist: "The service has packaging instructions for the latest Debian stable".
  The .deb is installed with apt on a host of the release Debian's archive calls stable, and
  lintian (of that release, in the host) judges it: errors fail, warnings are reported.

  Background:
    Given the service package has been installed on a fresh Wazo host

  Scenario: The service has packaging instructions for the latest Debian stable
    Then the host runs the latest Debian stable
    And the package is installed with no held or broken packages

  Scenario: lintian reports no error for the package
    Then lintian reports no error for the package
