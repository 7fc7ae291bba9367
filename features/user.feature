@user
Feature: The service's default user
  Guideline checklist, items 1 to 6: the system user the service runs as. The user's own
  facts (shell, home, groups) are judged even when the service cannot run; the checks that
  need its processes or the files it writes wait for it to run, and are BLOCKED when it
  cannot (the install check then says why).

  Background:
    Given the service is installed on a Wazo host

  Scenario: The service default user is not root
    Given the service is running
    Then the service user is not root
    And every process of the service runs as the service user

  Scenario: The service default user cannot log in to a shell
    Then the service user cannot log in to a shell

  Scenario: The service default user does not have a /home/user, only a /var/lib/user if necessary
    Then the service user has no home under /home

  Scenario: The service default user has write permissions for the default log file
    Given the service is running
    Then the service user can write the log file

  Scenario: The service default user has write permissions for the PID file and its directory
    Given the service is running
    Then the service user can write the PID file and its directory

  Scenario: The service default user is part of the consul group if the service needs the default consul config file
    Then the service user is in the consul group when the service reads the default consul config
