-- Nothing to run;
/* only comments */
   
