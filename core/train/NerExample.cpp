#include "train/NerExample.h"
