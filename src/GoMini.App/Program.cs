// Composition root; the commands arrive in the next commits.
return 0;
