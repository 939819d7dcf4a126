// The app's own tfjs layers, registered so that tf.loadLayersModel can rebuild a saved model that
// holds them. Every loader of saved models imports this file, once, for its side effect.

import './lrn-layer';
import './pad-channels-layer';
