x = y = 
