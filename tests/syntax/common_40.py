assert(x, 'msg'
