# expect: ModuleNotFoundError
# args: --max-memory 32MB --max-duration 2
import os
