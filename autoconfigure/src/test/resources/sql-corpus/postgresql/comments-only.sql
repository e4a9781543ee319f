-- This migration is intentionally empty; it only reserves a version.
/* Nothing to do here;
   /* not even this */ */

