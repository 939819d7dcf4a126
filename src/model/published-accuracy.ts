// Published ImageNet top-1 accuracies of catalog configurations (catalog.ts): facts, each with
// who published it and where, for the compare view's accuracy chart. A configuration without a
// published figure is simply absent; the chart never gives it a made-up accuracy.
//
// Every figure is for weights that fit the configuration's network exactly, evaluated on the
// ILSVRC 2012 validation set with one centre crop (224×224; 299×299 for Xception). One figure per
// configuration: Keras' VGG16 and VGG19 are the same networks as torchvision's vgg16 and vgg19
// (other weights), so their figures are in the note, not on a second point.

export interface PublishedAccuracy {
  /** The catalog entry whose network the weights fit. */
  readonly id: string;
  /** Top-1 accuracy, in percent. */
  readonly top1: number;
  /** Who published it, for which weights: "torchvision, ResNet152_Weights.IMAGENET1K_V1, acc@1". */
  readonly source: string;
  /** Where it is published. */
  readonly url: string;
  /** What else a reader should know about the figure. */
  readonly note?: string;
}

const TORCHVISION = 'https://pytorch.org/vision/stable/models.html';
const KERAS = 'https://keras.io/api/applications/';

/** torchvision's figure for the IMAGENET1K_V1 weights (its first, the paper's recipe). */
const torchvision = (id: string, top1: number, weights: string, note?: string): PublishedAccuracy => ({
  id,
  top1,
  source: `torchvision, ${weights}.IMAGENET1K_V1, acc@1`,
  url: TORCHVISION,
  ...(note !== undefined && { note }),
});

/** A figure of the table of Keras Applications. */
const keras = (id: string, top1: number, model: string): PublishedAccuracy => ({
  id,
  top1,
  source: `Keras Applications, ${model}, Top-1 Accuracy`,
  url: KERAS,
});

export const publishedAccuracies: readonly PublishedAccuracy[] = [
  torchvision('googlenet-torchvision', 69.778, 'GoogLeNet_Weights'),
  torchvision('vgg-11', 69.02, 'VGG11_Weights'),
  torchvision('vgg-13', 69.928, 'VGG13_Weights'),
  torchvision('vgg-16', 71.592, 'VGG16_Weights', "Keras Applications lists its VGG16, the same network with other weights, at 71.3%."),
  torchvision('vgg-16-bn', 73.36, 'VGG16_BN_Weights'),
  torchvision('vgg-19', 72.376, 'VGG19_Weights', "Keras Applications lists its VGG19, the same network with other weights, at 71.3%."),
  torchvision('resnet-18', 69.758, 'ResNet18_Weights'),
  torchvision('resnet-34', 73.314, 'ResNet34_Weights'),
  torchvision('resnet-50', 76.13, 'ResNet50_Weights', "torchvision's IMAGENET1K_V2 weights, trained with a newer recipe, reach 80.858%."),
  torchvision('resnet-101', 77.374, 'ResNet101_Weights'),
  torchvision('resnet-152', 78.312, 'ResNet152_Weights'),
  keras('xception-keras', 79.0, 'Xception'),
  keras('resnet-50-keras', 74.9, 'ResNet50'),
];

/** The published accuracy of a catalog entry, if there is one. */
export const publishedAccuracy = (id: string): PublishedAccuracy | undefined => publishedAccuracies.find((a) => a.id === id);
